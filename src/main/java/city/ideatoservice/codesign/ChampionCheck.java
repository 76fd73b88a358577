package city.ideatoservice.codesign;

import static city.ideatoservice.process.ProcessVariables.CHAMPION;
import static city.ideatoservice.process.ProcessVariables.SPONSOR_DEPARTMENT;

import java.util.List;

import city.ideatoservice.identity.Departments;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Assign champion": the champion must be a user the co-design tasks can be assigned to. */
@Component
public class ChampionCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String champion = input.requiredText(CHAMPION, 64);
		input.requiredChoice(SPONSOR_DEPARTMENT, List.copyOf(Departments.GROUP_IDS));
		long users = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(champion).count();
		if (users == 0) {
			throw FormInput.invalid(CHAMPION, "There is no user '" + champion + "'. Give the user ID of a civil servant.");
		}
		task.setVariable(CHAMPION, champion);
	}

}
