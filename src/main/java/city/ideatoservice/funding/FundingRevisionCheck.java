package city.ideatoservice.funding;

import static city.ideatoservice.process.ProcessVariables.APPROVED_AMOUNT_CENTS;
import static city.ideatoservice.process.ProcessVariables.FUNDED_INITIATIVE;
import static city.ideatoservice.process.ProcessVariables.FUNDING_OUTCOME;
import static city.ideatoservice.process.ProcessVariables.FUNDING_PURPOSE;
import static city.ideatoservice.process.ProcessVariables.FUNDING_REASON;
import static city.ideatoservice.process.ProcessVariables.FUNDING_ROUND;
import static city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.NEW_REQUESTED_AMOUNT;
import static city.ideatoservice.process.ProcessVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.process.ProcessVariables.REVISED_PURPOSE;
import static city.ideatoservice.process.ProcessVariables.REVISION_DECISION;

import java.math.BigDecimal;
import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Revise funding request": the champion resubmits a new amount and purpose, accepts a partial approval, or
 * withdraws. Money reserved for a round the champion does not take goes back to the budget.
 */
@Component
public class FundingRevisionCheck implements TaskListener {

	static final BigDecimal MAX_REQUEST = new BigDecimal("10000000");

	private final PrototypeBudgets budgets;

	FundingRevisionCheck(PrototypeBudgets budgets) {
		this.budgets = budgets;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.requiredChoice(REVISION_DECISION, List.of("RESUBMIT", "ACCEPT_PARTIAL", "WITHDRAW"));
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		int round = ((Number) task.getVariable(FUNDING_ROUND)).intValue();
		switch (decision) {
			case "ACCEPT_PARTIAL" -> {
				if (!"PARTIALLY_APPROVED".equals(task.getVariable(FUNDING_OUTCOME))) {
					throw FormInput.invalid(REVISION_DECISION,
							"Only a partial approval can be accepted; this request was denied. Resubmit or withdraw it.");
				}
			}
			case "RESUBMIT" -> {
				BigDecimal euros = input.requiredAmount(NEW_REQUESTED_AMOUNT, BigDecimal.ZERO, MAX_REQUEST);
				String purpose = input.requiredText(REVISED_PURPOSE, 2000);
				budgets.reduceReservation(reference, round, 0);
				task.setVariable(REQUESTED_AMOUNT_CENTS, euros.movePointRight(2).longValueExact());
				task.setVariable(FUNDING_PURPOSE, purpose);
				if (euros.signum() > 0) {
					// a denied join resubmitted with an amount becomes a request for new money
					task.setVariable(FUNDED_INITIATIVE, null);
				}
			}
			default -> {
				budgets.reduceReservation(reference, round, 0);
				task.setVariable(FUNDING_OUTCOME, "DENIED");
				task.setVariable(APPROVED_AMOUNT_CENTS, 0L);
				task.setVariable(FUNDING_REASON, "The champion withdrew the funding request.");
			}
		}
	}

}
