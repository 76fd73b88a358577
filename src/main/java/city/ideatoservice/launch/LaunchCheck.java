package city.ideatoservice.launch;

import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_EFFECTIVE_DATE;
import static city.ideatoservice.launch.LaunchVariables.SERVICE_START_DATE;

import java.time.LocalDate;

import city.ideatoservice.form.FormValidation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Confirm service launch": a service cannot start before the directive that makes it
 * official takes effect.
 */
@Component
public class LaunchCheck implements TaskListener {

	private final FormValidation forms;

	LaunchCheck(FormValidation forms) {
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDate start = LocalDate.parse((String) task.getVariable(SERVICE_START_DATE));
		if (task.getVariable(DIRECTIVE_EFFECTIVE_DATE) instanceof String effective
				&& start.isBefore(LocalDate.parse(effective))) {
			throw forms.invalid(task, SERVICE_START_DATE, "the service cannot start on " + start
					+ ": the directive that makes it official takes effect on " + effective + ".");
		}
	}

}
