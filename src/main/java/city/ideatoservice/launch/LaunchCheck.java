package city.ideatoservice.launch;

import static city.ideatoservice.process.ProcessVariables.DIRECTIVE_EFFECTIVE_DATE;
import static city.ideatoservice.process.ProcessVariables.SERVICE_PUBLIC_URL;
import static city.ideatoservice.process.ProcessVariables.SERVICE_START_DATE;

import java.time.LocalDate;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Confirm service launch": the service has a public address and cannot start before its directive takes effect. */
@Component
public class LaunchCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		input.requiredWebAddress(SERVICE_PUBLIC_URL);
		LocalDate start = input.requiredDate(SERVICE_START_DATE);
		Object effective = task.getVariable(DIRECTIVE_EFFECTIVE_DATE);
		if (effective instanceof String date && start.isBefore(LocalDate.parse(date))) {
			throw FormInput.invalid(SERVICE_START_DATE, "The service cannot start on " + start
					+ ": the directive that makes it official takes effect on " + date + ".");
		}
		task.setVariable(SERVICE_START_DATE, start.toString());
	}

}
