package city.ideatoservice.funding;

import static city.ideatoservice.funding.FundingVariables.APPROVAL_LEVEL;
import static city.ideatoservice.funding.FundingVariables.APPROVED_AMOUNT_CENTS;
import static city.ideatoservice.funding.FundingVariables.FUNDING_APPROVERS;
import static city.ideatoservice.funding.FundingVariables.FUNDING_OUTCOME;
import static city.ideatoservice.funding.FundingVariables.FUNDING_REASON;
import static city.ideatoservice.funding.FundingVariables.FUNDING_ROUND;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Combine funding decisions": one denial denies; otherwise the lowest approved amount is
 * granted, partially if it is less than requested. Money reserved beyond that goes back
 * to the budget. The outcome, amount, approvers and their reasons go back to the idea's
 * process.
 */
@Component
public class CombineFundingDecisions implements JavaDelegate {

	private final FundingDecisionRepository decisions;

	private final PrototypeBudgets budgets;

	CombineFundingDecisions(FundingDecisionRepository decisions, PrototypeBudgets budgets) {
		this.decisions = decisions;
		this.budgets = budgets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = (String) execution.getVariable(IDEA_REFERENCE);
		int round = ((Number) execution.getVariable(FUNDING_ROUND)).intValue();
		long requested = FundingApprovalForm.cents(execution.getVariable(REQUESTED_AMOUNT_CENTS));
		List<FundingDecision> round_ = decisions.findByIdeaReferenceAndFundingRoundOrderByDecidedAt(reference, round);
		List<FundingDecision> denials = round_.stream().filter(d -> "DENY".equals(d.decision())).toList();
		String outcome;
		long granted;
		if ("JOIN".equals(execution.getVariable(APPROVAL_LEVEL))) {
			outcome = denials.isEmpty() ? "JOINED" : "DENIED";
			granted = 0;
		}
		else if (!denials.isEmpty()) {
			outcome = "DENIED";
			granted = 0;
		}
		else {
			granted = round_.stream().mapToLong(FundingDecision::amountCents).min().orElse(0);
			outcome = granted < requested ? "PARTIALLY_APPROVED" : "APPROVED";
		}
		budgets.reduceReservation(reference, round, granted);
		execution.setVariable(FUNDING_OUTCOME, outcome);
		execution.setVariable(APPROVED_AMOUNT_CENTS, granted);
		execution.setVariable(FUNDING_REASON, reasons(outcome, round_));
		execution.setVariable(FUNDING_APPROVERS, JsonVariables
			.list(decisions.findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(reference).stream().map(d -> {
				Map<String, Object> approver = new LinkedHashMap<>();
				approver.put("round", d.fundingRound());
				approver.put("role", d.approverRole());
				approver.put("decidedBy", d.decidedBy());
				approver.put("decision", d.decision());
				approver.put("amountCents", d.amountCents());
				approver.put("reason", d.reason());
				return approver;
			}).toList()));
	}

	/**
	 * The reasons of the decisions that made the outcome: denials, or the lower amounts.
	 */
	private static String reasons(String outcome, List<FundingDecision> round) {
		String wanted = "DENIED".equals(outcome) ? "DENY" : "PARTIAL";
		String text = round.stream()
			.filter(d -> wanted.equals(d.decision()))
			.map(FundingDecision::reason)
			.filter(Objects::nonNull)
			.collect(Collectors.joining(" "));
		return text.isEmpty() ? null : text;
	}

}
