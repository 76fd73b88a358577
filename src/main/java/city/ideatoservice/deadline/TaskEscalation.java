package city.ideatoservice.deadline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import city.ideatoservice.idea.IdeaVariables;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A task's escalation timer: the group's lead (a department's heads, a city-wide group's
 * {@code <group>-leads}, or the lead group or person in the settings) becomes a candidate
 * for the task, which goes to the top of the list.
 */
@Component
public class TaskEscalation implements TaskListener {

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
		Set<String> leadUsers = new LinkedHashSet<>();
		for (String group : groups) {
			String person = escalation.leadUsers().get(group);
			if (person != null) {
				leadUsers.add(person);
			}
			else {
				leads.add(leadOf(group));
			}
		}
		if (groups.isEmpty() && escalation.assigneeLeadGroup() != null) {
			leads.add(escalation.assigneeLeadGroup());
		}
		// a department's heads who let their own task pass are candidates already
		leads.removeAll(groups);
		leads.forEach(task::addCandidateGroup);
		leadUsers.forEach(task::addCandidateUser);
		task.setPriority(Math.max(task.getPriority(), TaskPriority.ESCALATED));
		events.publishEvent(new TaskDeadlinePassed(TaskDeadlinePassed.Kind.ESCALATION, task.getId(), task.getName(),
				(String) task.getVariable(IdeaVariables.IDEA_REFERENCE), task.getAssignee(), List.copyOf(leads),
				List.copyOf(leadUsers)));
	}

	String leadOf(String group) {
		return departments.byAnyGroup(group)
			.map(Departments.Department::headsGroup)
			.orElseGet(() -> escalation.leadGroups().getOrDefault(group, Groups.leadsOf(group)));
	}

}
