package city.ideatoservice.council;

import static city.ideatoservice.process.ProcessVariables.ACT_DATE;
import static city.ideatoservice.process.ProcessVariables.ACT_NUMBER;
import static city.ideatoservice.process.ProcessVariables.COUNCIL_DECISION;
import static city.ideatoservice.process.ProcessVariables.COUNCIL_REASON;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Record council decision": an adoption has its official act (number and date); a rejection its public reason. */
@Component
public class CouncilDecisionCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.requiredChoice(COUNCIL_DECISION, List.of("ADOPTED", "REJECTED"));
		if ("ADOPTED".equals(decision)) {
			input.requiredText(ACT_NUMBER, 30);
			task.setVariable(ACT_DATE, input.requiredDate(ACT_DATE).toString());
		}
		else {
			input.requiredText(COUNCIL_REASON, 2000);
		}
	}

}
