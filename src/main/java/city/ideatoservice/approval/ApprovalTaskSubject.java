package city.ideatoservice.approval;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import city.ideatoservice.tasklist.TaskSubject;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * An approval's card names whom it approves for: a department ("Mobility") or a city-wide
 * group such as "Legal".
 */
@Component
class ApprovalTaskSubject implements TaskSubject {

	private final Departments departments;

	ApprovalTaskSubject(Departments departments) {
		this.departments = departments;
	}

	@Override
	public String of(DelegateTask task) {
		if (!ProcessKeys.SERVICE_APPROVAL.equals(TaskCards.processKey(task))) {
			return null;
		}
		Object group = task.getVariable(ApprovalVariables.APPROVER_GROUP);
		return group == null ? null : TaskCards.groupName(departments, String.valueOf(group));
	}

}
