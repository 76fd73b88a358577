package city.ideatoservice.funding;

import static city.ideatoservice.funding.FundingVariables.FINANCE_REVIEW_DECISION;
import static city.ideatoservice.funding.FundingVariables.FUNDED_INITIATIVE;
import static city.ideatoservice.funding.FundingVariables.FUNDING_REQUEST_ROUND;
import static city.ideatoservice.funding.FundingVariables.FUNDING_ROUND;
import static city.ideatoservice.funding.FundingVariables.JOINS_FUNDED_INITIATIVE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Open funding round": counts the rounds and tells the DMN whether the prototype joins a
 * funded initiative. Decisions and reservations are kept per idea and round
 * ({@code fundingRound}), so a later request for the same idea (an improvement round of
 * the live service) goes on after the idea's last round; {@code fundingRequestRound}
 * counts the rounds of this request against idea-to-service.funding.max-rounds.
 */
@Component
public class OpenFundingRound implements JavaDelegate {

	private final FundingDecisionRepository decisions;

	OpenFundingRound(FundingDecisionRepository decisions) {
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object round = execution.getVariable(FUNDING_ROUND);
		Object requestRound = execution.getVariable(FUNDING_REQUEST_ROUND);
		execution.setVariable(FUNDING_ROUND, round instanceof Number n ? n.intValue() + 1
				: lastRound((String) execution.getVariable(IDEA_REFERENCE)) + 1);
		execution.setVariable(FUNDING_REQUEST_ROUND, requestRound instanceof Number n ? n.intValue() + 1 : 1);
		Object initiative = execution.getVariable(FUNDED_INITIATIVE);
		execution.setVariable(JOINS_FUNDED_INITIATIVE, initiative instanceof String s && !s.isBlank());
		execution.setVariable(FINANCE_REVIEW_DECISION, null);
	}

	private int lastRound(String reference) {
		List<FundingDecision> decided = decisions.findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(reference);
		return decided.isEmpty() ? 0 : decided.get(decided.size() - 1).fundingRound();
	}

}
