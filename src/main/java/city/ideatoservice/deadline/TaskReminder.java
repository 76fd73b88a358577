package city.ideatoservice.deadline;

import city.ideatoservice.idea.IdeaVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A task's reminder timer: the task is due soon, moves up the list and its assignee or
 * group is reminded.
 */
@Component
public class TaskReminder implements TaskListener {

	private final ApplicationEventPublisher events;

	TaskReminder(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setPriority(Math.max(task.getPriority(), TaskPriority.REMINDED));
		events.publishEvent(new TaskDeadlinePassed(TaskDeadlinePassed.Kind.REMINDER, task.getId(), task.getName(),
				(String) task.getVariable(IdeaVariables.IDEA_REFERENCE), task.getAssignee(), CandidateGroups.of(task),
				java.util.List.of()));
	}

}
