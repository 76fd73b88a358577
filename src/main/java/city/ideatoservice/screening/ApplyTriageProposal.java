package city.ideatoservice.screening;

import static city.ideatoservice.idea.IdeaVariables.SPONSOR_DEPARTMENT;
import static city.ideatoservice.screening.ScreeningVariables.CATEGORY;
import static city.ideatoservice.screening.ScreeningVariables.PRIORITY;
import static city.ideatoservice.screening.ScreeningVariables.TRIAGE;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the DMN "idea-triage": its proposal becomes the category, sponsor department and
 * priority that "Screen idea" shows prefilled and the screener may change.
 */
@Component
public class ApplyTriageProposal implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		Object result = execution.getVariable(TRIAGE);
		if (result instanceof Map<?, ?> proposal) {
			execution.setVariable(CATEGORY, proposal.get("category"));
			execution.setVariable(SPONSOR_DEPARTMENT, proposal.get("sponsorDepartment"));
			execution.setVariable(PRIORITY, proposal.get("priority"));
		}
		execution.removeVariable(TRIAGE);
	}

}
