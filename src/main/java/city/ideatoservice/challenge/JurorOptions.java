package city.ideatoservice.challenge;

import java.util.Set;

import city.ideatoservice.form.CamundaForm;
import city.ideatoservice.form.FormValidation;
import city.ideatoservice.organisation.FormOptions;
import city.ideatoservice.process.EveryUserTask;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The staff who may sit on a challenge's jury, by name: a form's select with
 * {@code "valuesKey": "jurorOptions"} gets the civil servants of the innovation office
 * and the departments as the task is created, and the server accepts only those.
 */
@Component
public class JurorOptions extends AbstractProcessEnginePlugin {

	private final FormOptions options;

	private final FormValidation forms;

	JurorOptions(FormOptions options, FormValidation forms) {
		this.options = options;
		this.forms = forms;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::offer);
	}

	void offer(DelegateTask task) {
		if (forms.formOf(task)
			.map(CamundaForm::valuesKeys)
			.orElse(Set.of())
			.contains(ChallengeVariables.JUROR_OPTIONS)) {
			task.setVariableLocal(ChallengeVariables.JUROR_OPTIONS,
					JsonVariables.list(options.championOptions(task.getProcessEngineServices().getIdentityService())));
		}
	}

}
