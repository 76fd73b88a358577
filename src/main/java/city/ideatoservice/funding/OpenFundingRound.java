package city.ideatoservice.funding;

import static city.ideatoservice.funding.FundingVariables.FINANCE_REVIEW_DECISION;
import static city.ideatoservice.funding.FundingVariables.FUNDED_INITIATIVE;
import static city.ideatoservice.funding.FundingVariables.FUNDING_ROUND;
import static city.ideatoservice.funding.FundingVariables.JOINS_FUNDED_INITIATIVE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Open funding round": counts the rounds and tells the DMN whether the prototype joins a
 * funded initiative.
 */
@Component
public class OpenFundingRound implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		Object round = execution.getVariable(FUNDING_ROUND);
		execution.setVariable(FUNDING_ROUND, round instanceof Number n ? n.intValue() + 1 : 1);
		Object initiative = execution.getVariable(FUNDED_INITIATIVE);
		execution.setVariable(JOINS_FUNDED_INITIATIVE, initiative instanceof String s && !s.isBlank());
		execution.setVariable(FINANCE_REVIEW_DECISION, null);
	}

}
