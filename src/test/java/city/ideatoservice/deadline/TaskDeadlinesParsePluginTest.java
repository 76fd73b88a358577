package city.ideatoservice.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import city.ideatoservice.deadline.DeadlineProperties.TaskDeadline;
import city.ideatoservice.organisation.Departments;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deadlines from the settings, on an engine of its own: a model with no deadline XML gets
 * a due date, a reminder and an escalation per task from its form id, as timer jobs with
 * job definitions (as Cockpit lists them).
 */
class TaskDeadlinesParsePluginTest {

	static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 1, 9, 0);

	static final List<String> fired = new ArrayList<>();

	static ProcessEngine engine;

	@BeforeAll
	static void startEngine() {
		DeadlineProperties settings = new DeadlineProperties(Duration.ofDays(14), java.time.Period.ofMonths(6),
				new TaskDeadline(Duration.ofDays(10), Duration.ofDays(7), Duration.ofDays(14), null),
				Map.of("screen-idea",
						new TaskDeadline(Duration.ofDays(5), Duration.ofDays(4), Duration.ofDays(7), null),
						"review-milestone-checkpoint",
						new TaskDeadline(null, Duration.ZERO, Duration.ofDays(7), "milestoneDue")));
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:task-deadlines;DB_CLOSE_DELAY=-1");
		configuration.setJobExecutorActivate(false);
		configuration.setHistory("none");
		configuration.setProcessEnginePlugins(List.of(new TaskDeadlinesParsePlugin()));
		// the application's listeners, each noting that it fired
		TaskReminder reminder = new TaskReminder(event -> {
		});
		TaskEscalation escalation = new TaskEscalation(new EscalationProperties(null, null, "innovation-office-leads"),
				event -> {
				}, mock(Departments.class));
		TaskOverdue overdue = new TaskOverdue();
		configuration.setBeans(Map.of("deadlines", new Deadlines(settings), "taskReminder", (TaskListener) task -> {
			fired.add("reminder " + task.getTaskDefinitionKey());
			reminder.notify(task);
		}, "taskOverdue", (TaskListener) task -> {
			fired.add("overdue " + task.getTaskDefinitionKey());
			overdue.notify(task);
		}, "taskEscalation", (TaskListener) task -> {
			fired.add("escalation " + task.getTaskDefinitionKey());
			escalation.notify(task);
		}));
		engine = configuration.buildProcessEngine();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		fired.clear();
	}

	static BpmnModelInstance oneTask(String key, String form, String dueDate) {
		var task = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Work")
			.camundaFormRef(form)
			.camundaFormRefBinding("deployment");
		return (dueDate == null ? task : task.camundaDueDate(dueDate)).endEvent().done();
	}

	/** Starts a process of one task with this form, deployed under a key of its own. */
	String start(String form, String dueDate, Map<String, Object> variables) {
		String key = "deadlines-" + form + (dueDate == null ? "" : "-due-in-model");
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance(key + ".bpmn", oneTask(key, form, dueDate))
			.deploy();
		ClockUtil.setCurrentTime(Date.from(NOW.atZone(ZoneId.systemDefault()).toInstant()));
		return engine.getRuntimeService().startProcessInstanceByKey(key, variables).getId();
	}

	static Date at(LocalDateTime time) {
		return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
	}

	@Test
	void aTaskGetsItsFormsDeadlinesAndTheyFire() {
		String instance = start("screen-idea", null, Map.of());
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(task.getDueDate()).isEqualTo(at(NOW.plusDays(5)));

		List<JobDefinition> definitions = engine.getManagementService()
			.createJobDefinitionQuery()
			.processDefinitionKey("deadlines-screen-idea")
			.list();
		assertThat(definitions).extracting(JobDefinition::getJobType)
			.containsExactly(TimerTaskListenerJobHandler.TYPE, TimerTaskListenerJobHandler.TYPE,
					TimerTaskListenerJobHandler.TYPE);

		List<Job> timers = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.orderByJobDuedate()
			.asc()
			.list();
		assertThat(timers).extracting(Job::getDuedate)
			.containsExactly(at(NOW.plusDays(4)), at(NOW.plusDays(5)), at(NOW.plusDays(7)));
		assertThat(timers).allMatch(job -> job.getJobDefinitionId() != null);

		timers.forEach(job -> engine.getManagementService().executeJob(job.getId()));
		assertThat(fired).containsExactly("reminder Task_Work", "overdue Task_Work", "escalation Task_Work");
	}

	@Test
	void thePrioritySaysOnTimeDueSoonOverdueOrEscalated() {
		String instance = start("screen-idea", null, Map.of());
		List<Integer> priorities = new ArrayList<>();
		priorities.add(priority(instance));
		for (Job timer : engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.orderByJobDuedate()
			.asc()
			.list()) {
			ClockUtil.setCurrentTime(timer.getDuedate());
			engine.getManagementService().executeJob(timer.getId());
			priorities.add(priority(instance));
		}
		// on time, due soon (reminded), overdue, escalated
		assertThat(priorities).containsExactly(50, 60, 80, 100);
	}

	@Test
	void aTaskRemindedOnItsDueDayStaysOverdueWhicheverFiresFirst() {
		String instance = start("review-milestone-checkpoint", null, Map.of("milestoneDue", "2027-04-30"));
		// reminder and due date are the same moment: the overdue timer first
		List<Job> timers = new ArrayList<>(
				engine.getManagementService().createJobQuery().processInstanceId(instance).list());
		timers.sort(
				java.util.Comparator
					.comparing((Job job) -> !engine.getManagementService()
						.createJobDefinitionQuery()
						.jobDefinitionId(job.getJobDefinitionId())
						.singleResult()
						.getJobConfiguration()
						.contains("deadlines.due("))
					.thenComparing(Job::getDuedate));
		engine.getManagementService().executeJob(timers.get(0).getId());
		engine.getManagementService().executeJob(timers.get(1).getId());
		assertThat(fired).containsExactly("overdue Task_Work", "reminder Task_Work");
		assertThat(priority(instance)).isEqualTo(TaskPriority.OVERDUE);
	}

	int priority(String instance) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getPriority();
	}

	@Test
	void aFormWithoutSettingsGetsTheDefaults() {
		String instance = start("some-other-form", null, Map.of());
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(task.getDueDate()).isEqualTo(at(NOW.plusDays(10)));
		assertThat(engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.orderByJobDuedate()
			.asc()
			.list()).extracting(Job::getDuedate)
			.containsExactly(at(NOW.plusDays(7)), at(NOW.plusDays(10)), at(NOW.plusDays(14)));
	}

	@Test
	void aTaskDueOnADateOfTheProcessIsRemindedThatDayAndEscalatedAWeekLater() {
		String instance = start("review-milestone-checkpoint", null, Map.of("milestoneDue", "2027-04-30"));
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
		LocalDateTime due = LocalDate.of(2027, 4, 30).atStartOfDay();
		assertThat(task.getDueDate()).isEqualTo(at(due));
		assertThat(engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.orderByJobDuedate()
			.asc()
			.list()).extracting(Job::getDuedate).containsExactly(at(due), at(due), at(due.plusDays(7)));
	}

	@Test
	void aDueDateWrittenInTheModelWins() {
		String instance = start("screen-idea", "2027-06-01T12:00:00", Map.of());
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(task.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 6, 1, 12, 0)));
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).list())
			.as("the task is overdue from the model's due date on")
			.extracting(Job::getDuedate)
			.contains(at(LocalDateTime.of(2027, 6, 1, 12, 0)));
	}

}
