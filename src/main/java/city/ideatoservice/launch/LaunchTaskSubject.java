package city.ideatoservice.launch;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import city.ideatoservice.tasklist.TaskSubject;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A launch confirmation's card names its department: "Culture". */
@Component
class LaunchTaskSubject implements TaskSubject {

	private final Departments departments;

	LaunchTaskSubject(Departments departments) {
		this.departments = departments;
	}

	@Override
	public String of(DelegateTask task) {
		if (!ProcessKeys.SERVICE_LAUNCH.equals(TaskCards.processKey(task))) {
			return null;
		}
		Object department = task.getVariable(LaunchVariables.LAUNCHING_DEPARTMENT);
		return department == null ? null : TaskCards.groupName(departments, String.valueOf(department));
	}

}
