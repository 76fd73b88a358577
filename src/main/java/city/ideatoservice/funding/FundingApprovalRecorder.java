package city.ideatoservice.funding;

import static city.ideatoservice.process.ProcessVariables.APPROVAL_DECISION;
import static city.ideatoservice.process.ProcessVariables.APPROVAL_REASON;
import static city.ideatoservice.process.ProcessVariables.APPROVED_AMOUNT;
import static city.ideatoservice.process.ProcessVariables.APPROVER_ROLE;
import static city.ideatoservice.process.ProcessVariables.FINANCE_REVIEW_DECISION;
import static city.ideatoservice.process.ProcessVariables.FUNDING_ROUND;
import static city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.process.ProcessVariables.RESERVES_BUDGET;
import static city.ideatoservice.process.ProcessVariables.SPONSOR_DEPARTMENT;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completes a funding approval: the decision must fit the request (a partial approval is lower, with a reason; a
 * denial says why) and the sponsor department's budget. The approver who holds the budget reserves the money in the
 * same transaction; if someone else took it meanwhile, the approval is refused and nothing is written.
 */
@Component
public class FundingApprovalRecorder implements TaskListener {

	static final String FINANCE_REVIEW = "finance-review";

	private final PrototypeBudgets budgets;

	private final FundingDecisionRepository decisions;

	private final Clock clock;

	private final Departments departments;

	FundingApprovalRecorder(PrototypeBudgets budgets, FundingDecisionRepository decisions, Clock clock,
			Departments departments) {
		this.budgets = budgets;
		this.decisions = decisions;
		this.clock = clock;
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String role = (String) task.getVariable(APPROVER_ROLE);
		boolean confirmation = FundingStep.of(task) == FundingStep.CONFIRMATION;
		String decision = input.requiredChoice(APPROVAL_DECISION,
				confirmation ? List.of("CONFIRM", "DENY") : List.of("APPROVE", "PARTIAL", "DENY"));
		long requested = FundingApprovalForm.cents(task.getVariable(REQUESTED_AMOUNT_CENTS));
		long amount;
		String reason;
		switch (decision) {
			case "APPROVE" -> {
				amount = requested;
				reason = input.optionalText(APPROVAL_REASON, 2000);
			}
			case "PARTIAL" -> {
				BigDecimal euros = input.requiredAmount(APPROVED_AMOUNT, new BigDecimal("0.01"),
						BigDecimal.valueOf(requested, 2));
				amount = euros.movePointRight(2).longValueExact();
				if (amount >= requested) {
					throw FormInput.invalid(APPROVED_AMOUNT, "A partial approval is less than the "
							+ BigDecimal.valueOf(requested, 2) + " EUR requested; choose 'Approve' to grant all of it.");
				}
				reason = input.requiredText(APPROVAL_REASON, 2000);
			}
			case "DENY" -> {
				amount = 0;
				reason = input.requiredText(APPROVAL_REASON, 2000);
			}
			default -> {
				amount = 0;
				reason = input.optionalText(APPROVAL_REASON, 2000);
			}
		}
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		int round = ((Number) task.getVariable(FUNDING_ROUND)).intValue();
		if (amount > 0) {
			checkBudget(task, reference, round, amount);
		}
		Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		decisions.save(new FundingDecision(null, reference, round, role, decision, amount, reason,
				user != null ? user.getUserId() : task.getAssignee(), clock.instant()));
		if (FINANCE_REVIEW.equals(role)) {
			task.getExecution().setVariable(FINANCE_REVIEW_DECISION, decision);
		}
	}

	private void checkBudget(DelegateTask task, String reference, int round, long amount) {
		String department = (String) task.getVariable(SPONSOR_DEPARTMENT);
		int year = budgets.currentYear();
		// what this request already holds (finance's reservation, seen by the department head) is still its own
		long remaining = budgets.remainingCents(department, year) + budgets.reservedCents(reference, round);
		String name = departments.byGroup(department).map(Departments.Department::name).orElse(department);
		if (amount > remaining) {
			throw FormInput.invalid(APPROVAL_DECISION, "Only " + BigDecimal.valueOf(remaining, 2) + " EUR are left in the "
					+ name + " department's prototype budget for " + year + "; approve at most that, or deny.");
		}
		if (Boolean.TRUE.equals(task.getVariable(RESERVES_BUDGET))
				&& !budgets.reserve(reference, round, department, year, amount)) {
			throw FormInput.invalid(APPROVAL_DECISION, "Another approval has just used the " + name
					+ " department's prototype budget: only " + BigDecimal.valueOf(budgets.remainingCents(department, year), 2)
					+ " EUR are left for " + year + ". Reload the task and decide again.");
		}
	}

}
