package city.ideatoservice.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import city.ideatoservice.organisation.Departments;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;

/**
 * Who an overdue task escalates to, from the settings as application.yml gives them: a
 * city-wide group's leads, a department's heads, a lead group or a person the settings
 * name instead; never the group that let the task pass.
 */
class TaskEscalationTest {

	final List<Object> published = new ArrayList<>();

	final Departments departments = mock(Departments.class);

	TaskEscalation escalation(EscalationProperties properties) {
		when(departments.byAnyGroup(anyString())).thenReturn(Optional.empty());
		when(departments.byAnyGroup("dept-mobility"))
			.thenReturn(Optional.of(new Departments.Department("mobility", "Mobility", "Mobilität", BigDecimal.ONE)));
		return new TaskEscalation(properties, published::add, departments);
	}

	static DelegateTask taskOf(String... groups) {
		DelegateTask task = mock(DelegateTask.class);
		Set<IdentityLink> links = new java.util.LinkedHashSet<>();
		for (String group : groups) {
			IdentityLink link = mock(IdentityLink.class);
			when(link.getType()).thenReturn(IdentityLinkType.CANDIDATE);
			when(link.getGroupId()).thenReturn(group);
			links.add(link);
		}
		when(task.getCandidates()).thenReturn(links);
		when(task.getId()).thenReturn("task-1");
		when(task.getName()).thenReturn("Sign mayoral decree");
		return task;
	}

	TaskDeadlinePassed lastEvent() {
		return (TaskDeadlinePassed) published.get(published.size() - 1);
	}

	@Test
	void aCityWideGroupsTaskGoesToItsLeadsNotToTheGroupItself() {
		DelegateTask task = taskOf("mayors-office");

		escalation(new EscalationProperties(null, null, "innovation-office-leads")).notify(task);

		verify(task).addCandidateGroup("mayors-office-leads");
		verify(task, never()).addCandidateGroup("mayors-office");
		verify(task).setPriority(TaskPriority.ESCALATED);
		assertThat(lastEvent().groups()).containsExactly("mayors-office-leads");
		assertThat(lastEvent().users()).isEmpty();
	}

	@Test
	void aDepartmentsTaskGoesToItsHeads() {
		DelegateTask task = taskOf("dept-mobility");

		escalation(new EscalationProperties(null, null, "innovation-office-leads")).notify(task);

		verify(task).addCandidateGroup("heads-mobility");
	}

	@Test
	void theSettingsMayNameAnotherLeadGroupOrAPerson() {
		DelegateTask task = taskOf("finance", "communications");

		escalation(new EscalationProperties(Map.of("finance", "budget-committee"),
				Map.of("communications", "press-chief"), "innovation-office-leads"))
			.notify(task);

		verify(task).addCandidateGroup("budget-committee");
		verify(task).addCandidateUser("press-chief");
		verify(task, never()).addCandidateGroup("communications-leads");
		assertThat(lastEvent().groups()).containsExactly("budget-committee");
		assertThat(lastEvent().users()).containsExactly("press-chief");
	}

	@Test
	void aTaskOfOnePersonGoesToTheAssigneesLeadGroup() {
		DelegateTask task = taskOf();
		when(task.getAssignee()).thenReturn("champ");

		escalation(new EscalationProperties(null, null, "innovation-office-leads")).notify(task);

		verify(task).addCandidateGroup("innovation-office-leads");
		assertThat(lastEvent().assignee()).isEqualTo("champ");
	}

	@Test
	void aGroupNamedAsItsOwnLeadIsRefusedAtStart() {
		assertThatThrownBy(() -> new EscalationProperties(Map.of("mayors-office", "mayors-office"), null, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("never to the group itself");
	}

}
