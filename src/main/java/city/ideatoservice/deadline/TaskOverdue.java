package city.ideatoservice.deadline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A task's due date passed: it moves up the list above the tasks that are only due soon
 * (the reminder told its people already).
 */
@Component
public class TaskOverdue implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		task.setPriority(Math.max(task.getPriority(), TaskPriority.OVERDUE));
	}

}
