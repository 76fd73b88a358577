package city.ideatoservice.launch;

import static city.ideatoservice.process.ProcessVariables.SUSTAINABILITY_DECISION;
import static city.ideatoservice.process.ProcessVariables.SUSTAINABILITY_NOTES;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Review service sustainability": keep, improve (a new co-design round) or retire, with the review's notes. */
@Component
public class SustainabilityCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		input.requiredChoice(SUSTAINABILITY_DECISION, List.of("KEEP", "IMPROVE", "RETIRE"));
		input.requiredText(SUSTAINABILITY_NOTES, 4000);
	}

}
