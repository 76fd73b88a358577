package city.ideatoservice.codesign;

import static city.ideatoservice.codesign.CodesignVariables.CHAMPION;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Assign champion": the champion must be a user the co-design tasks can be assigned to.
 */
@Component
public class ChampionCheck implements TaskListener {

	private final FormValidation forms;

	ChampionCheck(FormValidation forms) {
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		String champion = FormInput.of(task).text(CHAMPION);
		long users = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(champion).count();
		if (users == 0) {
			throw forms.invalid(task, CHAMPION,
					"there is no user '" + champion + "'. Give the user ID of a civil servant.");
		}
		task.setVariable(CHAMPION, champion);
	}

}
