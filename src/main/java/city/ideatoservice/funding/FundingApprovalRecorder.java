package city.ideatoservice.funding;

import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_DECISION;
import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_REASON;
import static city.ideatoservice.funding.FundingVariables.APPROVED_AMOUNT;
import static city.ideatoservice.funding.FundingVariables.APPROVER_ROLE;
import static city.ideatoservice.funding.FundingVariables.FINANCE_REVIEW_DECISION;
import static city.ideatoservice.funding.FundingVariables.FUNDING_ROUND;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.funding.FundingVariables.RESERVES_BUDGET;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.SPONSOR_DEPARTMENT;

import java.math.BigDecimal;
import java.time.Clock;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completes a funding approval: the decision must fit the request (a partial approval is
 * lower) and the sponsor department's budget. The approver who holds the budget reserves
 * the money in the same transaction; if someone else took it meanwhile, the approval is
 * refused and nothing is written.
 */
@Component
public class FundingApprovalRecorder implements TaskListener {

	static final String FINANCE_REVIEW = "finance-review";

	private final PrototypeBudgets budgets;

	private final FundingDecisionRepository decisions;

	private final Clock clock;

	private final FormValidation forms;

	private final Departments departments;

	FundingApprovalRecorder(PrototypeBudgets budgets, FundingDecisionRepository decisions, Clock clock,
			FormValidation forms, Departments departments) {
		this.budgets = budgets;
		this.decisions = decisions;
		this.clock = clock;
		this.forms = forms;
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String role = (String) task.getVariable(APPROVER_ROLE);
		// the form offers the decisions of its task (approve, partially or not; confirm
		// or deny a join)
		String decision = input.text(APPROVAL_DECISION);
		long requested = FundingApprovalForm.cents(task.getVariable(REQUESTED_AMOUNT_CENTS));
		long amount = switch (decision) {
			case "APPROVE" -> requested;
			case "PARTIAL" -> partial(task, input, requested);
			default -> 0;
		};
		String reason = input.text(APPROVAL_REASON);
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

	private long partial(DelegateTask task, FormInput input, long requested) {
		long amount = input.number(APPROVED_AMOUNT).movePointRight(2).longValueExact();
		if (amount >= requested) {
			throw forms.invalid(task, APPROVED_AMOUNT, "a partial approval is less than the "
					+ BigDecimal.valueOf(requested, 2) + " EUR requested; choose 'Approve' to grant all of it.");
		}
		return amount;
	}

	private void checkBudget(DelegateTask task, String reference, int round, long amount) {
		String department = (String) task.getVariable(SPONSOR_DEPARTMENT);
		int year = budgets.currentYear();
		// what this request already holds (finance's reservation, seen by the department
		// head) is still its own
		long remaining = budgets.remainingCents(department, year) + budgets.reservedCents(reference, round);
		String name = departments.byGroup(department).map(Departments.Department::name).orElse(department);
		if (amount > remaining) {
			throw forms.invalid(task, APPROVAL_DECISION,
					"only " + BigDecimal.valueOf(remaining, 2) + " EUR are left in the " + name
							+ " department's prototype budget for " + year + "; approve at most that, or deny.");
		}
		if (Boolean.TRUE.equals(task.getVariable(RESERVES_BUDGET))
				&& !budgets.reserve(reference, round, department, year, amount)) {
			throw forms.invalid(task, APPROVAL_DECISION,
					"another approval has just used the " + name + " department's prototype budget: only "
							+ BigDecimal.valueOf(budgets.remainingCents(department, year), 2) + " EUR are left for "
							+ year + ". Reload the task and decide again.");
		}
	}

}
