package city.ideatoservice.codesign;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record pilot results": what a form cannot say across its fields. A pilot is tried out
 * with citizens: one nobody took part in met no objective.
 */
@Component
public class PilotResultsCheck implements TaskListener {

	static final String PILOT_PARTICIPANTS = "pilotParticipants";

	static final String OBJECTIVES_MET = "objectivesMet";

	private final FormValidation forms;

	PilotResultsCheck(FormValidation forms) {
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		if (input.number(PILOT_PARTICIPANTS).signum() == 0 && !"NONE".equals(input.text(OBJECTIVES_MET))) {
			throw forms.invalid(task, OBJECTIVES_MET,
					"a pilot nobody took part in met no objective; give the number of citizens who took part, or"
							+ " choose 'No objective was met'.");
		}
	}

}
