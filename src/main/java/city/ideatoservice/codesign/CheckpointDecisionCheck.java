package city.ideatoservice.codesign;

import static city.ideatoservice.process.ProcessVariables.CHECKPOINT_DECISION;
import static city.ideatoservice.process.ProcessVariables.CHECKPOINT_NOTES;
import static city.ideatoservice.process.ProcessVariables.PUBLIC_REASON;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Review milestone checkpoint": continue, change direction or stop; anything but continue says why. */
@Component
public class CheckpointDecisionCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.requiredChoice(CHECKPOINT_DECISION, List.of("CONTINUE", "CHANGE_DIRECTION", "STOP"));
		if ("CONTINUE".equals(decision)) {
			input.optionalText(CHECKPOINT_NOTES, 2000);
			return;
		}
		input.requiredText(CHECKPOINT_NOTES, 2000);
		if ("STOP".equals(decision)) {
			input.requiredText(PUBLIC_REASON, 2000);
		}
	}

}
