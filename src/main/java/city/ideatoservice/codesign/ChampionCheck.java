package city.ideatoservice.codesign;

import static city.ideatoservice.codesign.CodesignVariables.CHAMPION;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.organisation.FormOptions;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Assign champion": the champion is one of the civil servants who may champion an idea
 * (the form's list of names), checked again now: a user removed from the innovation
 * office or a department since the task was created is no longer offered.
 */
@Component
public class ChampionCheck implements TaskListener {

	private final FormValidation forms;

	private final FormOptions options;

	ChampionCheck(FormValidation forms, FormOptions options) {
		this.forms = forms;
		this.options = options;
	}

	@Override
	public void notify(DelegateTask task) {
		String champion = FormInput.of(task).text(CHAMPION);
		boolean eligible = options.championOptions(task.getProcessEngineServices().getIdentityService())
			.stream()
			.anyMatch(option -> option.get("value").equals(champion));
		if (!eligible) {
			throw forms.invalid(task, CHAMPION, "choose a civil servant of the innovation office or of a department"
					+ " from the list; the person chosen cannot champion ideas (any more).");
		}
		task.setVariable(CHAMPION, champion);
	}

}
