package city.ideatoservice.codesign;

import static city.ideatoservice.process.ProcessVariables.CHAMPION;
import static city.ideatoservice.process.ProcessVariables.SPONSOR_DEPARTMENT;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Assign champion": the champion must be a user the co-design tasks can be assigned to. */
@Component
public class ChampionCheck implements TaskListener {

	private final Departments departments;

	ChampionCheck(Departments departments) {
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String champion = input.requiredText(CHAMPION, 64);
		input.requiredChoice(SPONSOR_DEPARTMENT, departments.groupIds());
		long users = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(champion).count();
		if (users == 0) {
			throw FormInput.invalid(CHAMPION, "There is no user '" + champion + "'. Give the user ID of a civil servant.");
		}
		task.setVariable(CHAMPION, champion);
	}

}
