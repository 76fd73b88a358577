package city.ideatoservice.funding;

import java.math.BigDecimal;

import city.ideatoservice.idea.IdeaVariables;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import city.ideatoservice.tasklist.TaskSubject;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A funding task's card names the amount requested in this round and the sponsor
 * department: "4,500 € · Mobility".
 */
@Component
class FundingTaskSubject implements TaskSubject {

	private final Departments departments;

	FundingTaskSubject(Departments departments) {
		this.departments = departments;
	}

	@Override
	public String of(DelegateTask task) {
		if (!ProcessKeys.FUNDING_REQUEST.equals(TaskCards.processKey(task))) {
			return null;
		}
		Object department = task.getVariable(IdeaVariables.SPONSOR_DEPARTMENT);
		long cents = FundingApprovalForm.cents(task.getVariable(FundingVariables.REQUESTED_AMOUNT_CENTS));
		String amount = cents > 0 ? TaskCards.euros(BigDecimal.valueOf(cents, 2)) : null;
		if (department == null) {
			return amount;
		}
		String name = TaskCards.groupName(departments, String.valueOf(department));
		return amount == null ? name : amount + " · " + name;
	}

}
