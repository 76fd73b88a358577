package city.ideatoservice.funding;

import static city.ideatoservice.funding.FundingVariables.APPROVED_AMOUNT;
import static city.ideatoservice.funding.FundingVariables.APPROVED_AMOUNT_CENTS;
import static city.ideatoservice.funding.FundingVariables.FUNDING_HISTORY;
import static city.ideatoservice.funding.FundingVariables.REMAINING_BUDGET;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.SPONSOR_DEPARTMENT;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What an approver or the champion sees when a funding task is created: the request in
 * euros, what is left of the sponsor department's budget this year, and every earlier
 * decision. Display values only: amounts are kept in cents.
 */
@Component
public class FundingApprovalForm implements TaskListener {

	private final PrototypeBudgets budgets;

	private final FundingDecisionRepository decisions;

	FundingApprovalForm(PrototypeBudgets budgets, FundingDecisionRepository decisions) {
		this.budgets = budgets;
		this.decisions = decisions;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariableLocal(REQUESTED_AMOUNT, euros(cents(task.getVariable(REQUESTED_AMOUNT_CENTS))));
		String department = (String) task.getVariable(SPONSOR_DEPARTMENT);
		task.setVariableLocal(REMAINING_BUDGET, euros(budgets.remainingCents(department, budgets.currentYear())));
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		task.setVariableLocal(FUNDING_HISTORY, history(decisions, reference));
		if (FundingStep.of(task) == FundingStep.REVISION) {
			task.setVariableLocal(APPROVED_AMOUNT, euros(cents(task.getVariable(APPROVED_AMOUNT_CENTS))));
		}
	}

	static String history(FundingDecisionRepository decisions, String reference) {
		return decisions.findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(reference)
			.stream()
			.map(d -> "Round " + d.fundingRound() + ", " + d.approverRole() + ": " + d.decision()
					+ (d.amountCents() > 0 ? " " + BigDecimal.valueOf(d.amountCents(), 2) + " EUR" : "")
					+ (d.reason() == null ? "" : " (" + d.reason() + ")"))
			.collect(Collectors.joining("\n"));
	}

	static long cents(Object value) {
		return value instanceof Number n ? n.longValue() : 0L;
	}

	/** Euros for a form's number field (Camunda Forms show numbers, not decimals). */
	static double euros(long cents) {
		return BigDecimal.valueOf(cents, 2).doubleValue();
	}

}
