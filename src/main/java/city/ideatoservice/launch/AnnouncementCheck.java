package city.ideatoservice.launch;

import static city.ideatoservice.process.ProcessVariables.ANNOUNCEMENT_DATE;
import static city.ideatoservice.process.ProcessVariables.ANNOUNCEMENT_LINK;
import static city.ideatoservice.process.ProcessVariables.ANNOUNCEMENT_TYPE;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Announce new service": a press conference or an announcement, with its date and a public link. */
@Component
public class AnnouncementCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		input.requiredChoice(ANNOUNCEMENT_TYPE, List.of("PRESS_CONFERENCE", "ANNOUNCEMENT"));
		task.setVariable(ANNOUNCEMENT_DATE, input.requiredDate(ANNOUNCEMENT_DATE).toString());
		input.requiredWebAddress(ANNOUNCEMENT_LINK);
	}

}
