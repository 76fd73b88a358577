package city.ideatoservice.opendata;

import static city.ideatoservice.opendata.OpenDataVariables.ANONYMISATION_REQUIRED;
import static city.ideatoservice.opendata.OpenDataVariables.PRIVACY_DECISION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review personal data": the privacy office has the last word on anonymisation, which
 * the data steward then confirms when publishing.
 */
@Component
public class PrivacyDecisionRecorder implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object decision = task.getVariable(PRIVACY_DECISION);
		if ("APPROVE_AFTER_ANONYMISATION".equals(decision)) {
			task.setVariable(ANONYMISATION_REQUIRED, true);
		}
		else if ("APPROVE".equals(decision)) {
			task.setVariable(ANONYMISATION_REQUIRED, false);
		}
	}

}
