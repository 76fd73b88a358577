package city.ideatoservice.codesign;

import static city.ideatoservice.process.ProcessVariables.SESSION_DATE;
import static city.ideatoservice.process.ProcessVariables.SESSION_FORMAT;
import static city.ideatoservice.process.ProcessVariables.SESSION_PARTICIPANTS;
import static city.ideatoservice.process.ProcessVariables.SESSION_PLACE;

import city.ideatoservice.organisation.OrganisationProperties;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Plan co-design session": format, date, place and participants, as the guidebook's workshops need them. */
@Component
public class CodesignSessionCheck implements TaskListener {

	private final OrganisationProperties organisation;

	CodesignSessionCheck(OrganisationProperties organisation) {
		this.organisation = organisation;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		input.requiredChoice(SESSION_FORMAT, organisation.sessionFormatIds());
		task.setVariable(SESSION_DATE, input.requiredDate(SESSION_DATE).toString());
		input.requiredText(SESSION_PLACE, 200);
		input.requiredText(SESSION_PARTICIPANTS, 2000);
	}

}
