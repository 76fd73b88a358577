package city.ideatoservice.deadline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import city.ideatoservice.idea.IdeaVariables;
import city.ideatoservice.organisation.Departments;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A task's escalation timer: the group's lead (a department's heads, or the lead group in
 * the settings) becomes a candidate for the task, which goes to the top of the list.
 */
@Component
public class TaskEscalation implements TaskListener {

	static final int ESCALATED_PRIORITY = 100;

	private final EscalationProperties escalation;

	private final ApplicationEventPublisher events;

	private final Departments departments;

	TaskEscalation(EscalationProperties escalation, ApplicationEventPublisher events, Departments departments) {
		this.escalation = escalation;
		this.events = events;
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		List<String> groups = CandidateGroups.of(task);
		Set<String> leads = new LinkedHashSet<>();
		groups.forEach(group -> leads.add(leadOf(group)));
		if (groups.isEmpty() && escalation.assigneeLeadGroup() != null) {
			leads.add(escalation.assigneeLeadGroup());
		}
		// a group that leads itself is a candidate already
		leads.stream().filter(lead -> !groups.contains(lead)).forEach(task::addCandidateGroup);
		task.setPriority(ESCALATED_PRIORITY);
		events.publishEvent(new TaskDeadlinePassed(TaskDeadlinePassed.Kind.ESCALATION, task.getId(), task.getName(),
				(String) task.getVariable(IdeaVariables.IDEA_REFERENCE), task.getAssignee(), List.copyOf(leads)));
	}

	String leadOf(String group) {
		return departments.byAnyGroup(group)
			.map(Departments.Department::headsGroup)
			.orElseGet(() -> escalation.leadGroups().getOrDefault(group, group));
	}

}
