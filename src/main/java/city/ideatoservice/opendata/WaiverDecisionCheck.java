package city.ideatoservice.opendata;

import static city.ideatoservice.process.ProcessVariables.PUBLIC_REASON;
import static city.ideatoservice.process.ProcessVariables.WAIVER_DECISION;
import static city.ideatoservice.process.ProcessVariables.WAIVER_REASON;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Decide on open-data waiver": a waiver is recorded with its reason; stopping tells the citizen why. */
@Component
public class WaiverDecisionCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.requiredChoice(WAIVER_DECISION, List.of("WAIVE", "REQUEST_MORE_DATA", "STOP"));
		if ("WAIVE".equals(decision)) {
			input.requiredText(WAIVER_REASON, 2000);
		}
		else if ("STOP".equals(decision)) {
			input.requiredText(PUBLIC_REASON, 2000);
		}
	}

}
