package city.ideatoservice.opendata;

import static city.ideatoservice.process.ProcessVariables.ANONYMISATION_INSTRUCTIONS;
import static city.ideatoservice.process.ProcessVariables.ANONYMISATION_REQUIRED;
import static city.ideatoservice.process.ProcessVariables.DATASET_REASON;
import static city.ideatoservice.process.ProcessVariables.PRIVACY_DECISION;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Review personal data": publish as it is, after anonymisation (with instructions), or not (with a reason). */
@Component
public class PrivacyDecisionCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.requiredChoice(PRIVACY_DECISION, List.of("APPROVE", "APPROVE_AFTER_ANONYMISATION", "REFUSE"));
		if ("APPROVE_AFTER_ANONYMISATION".equals(decision)) {
			input.requiredText(ANONYMISATION_INSTRUCTIONS, 2000);
			task.setVariable(ANONYMISATION_REQUIRED, true);
		}
		else if ("APPROVE".equals(decision)) {
			// the privacy office has the last word: as it is means no anonymisation
			task.setVariable(ANONYMISATION_REQUIRED, false);
		}
		else if ("REFUSE".equals(decision)) {
			input.requiredText(DATASET_REASON, 2000);
		}
	}

}
