package city.ideatoservice.funding;

import static city.ideatoservice.funding.FundingVariables.APPROVED_AMOUNT_CENTS;
import static city.ideatoservice.funding.FundingVariables.FUNDED_INITIATIVE;
import static city.ideatoservice.funding.FundingVariables.FUNDING_OUTCOME;
import static city.ideatoservice.funding.FundingVariables.FUNDING_PURPOSE;
import static city.ideatoservice.funding.FundingVariables.FUNDING_REASON;
import static city.ideatoservice.funding.FundingVariables.FUNDING_ROUND;
import static city.ideatoservice.funding.FundingVariables.NEW_REQUESTED_AMOUNT;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.funding.FundingVariables.REVISED_PURPOSE;
import static city.ideatoservice.funding.FundingVariables.REVISION_DECISION;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.math.BigDecimal;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Revise funding request": the champion resubmits a new amount and purpose, accepts a
 * partial approval, or withdraws. Money reserved for a round the champion does not take
 * goes back to the budget.
 */
@Component
public class FundingRevisionRecorder implements TaskListener {

	private final PrototypeBudgets budgets;

	FundingRevisionRecorder(PrototypeBudgets budgets) {
		this.budgets = budgets;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.text(REVISION_DECISION);
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		int round = ((Number) task.getVariable(FUNDING_ROUND)).intValue();
		// accepting the partial amount keeps the round as it is (the form offers it only
		// after a partial approval)
		if ("RESUBMIT".equals(decision)) {
			BigDecimal euros = input.number(NEW_REQUESTED_AMOUNT);
			budgets.reduceReservation(reference, round, 0);
			task.setVariable(REQUESTED_AMOUNT_CENTS, euros.movePointRight(2).longValueExact());
			task.setVariable(FUNDING_PURPOSE, input.text(REVISED_PURPOSE));
			if (euros.signum() > 0) {
				// a denied join resubmitted with an amount becomes a request for new
				// money
				task.setVariable(FUNDED_INITIATIVE, null);
			}
		}
		else if ("WITHDRAW".equals(decision)) {
			budgets.reduceReservation(reference, round, 0);
			task.setVariable(FUNDING_OUTCOME, "DENIED");
			task.setVariable(APPROVED_AMOUNT_CENTS, 0L);
			task.setVariable(FUNDING_REASON, "The champion withdrew the funding request.");
		}
	}

}
