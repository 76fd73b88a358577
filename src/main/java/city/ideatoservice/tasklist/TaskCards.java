package city.ideatoservice.tasklist;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a task's card in the Tasklist shows, in every filter the application creates: the
 * task's subject (what tells two tasks of one idea apart, a task-local variable written
 * when the task is created, see {@link TaskSubject}), then the idea's reference and
 * title. The Tasklist folds a card after two variables and cuts a value off after some 20
 * characters, so the subject comes first and starts with what differs. No form has a
 * field of that name, so no task may write it.
 */
@Component
public class TaskCards extends AbstractProcessEnginePlugin {

	/** The task-local variable with the task's subject. */
	public static final String SUBJECT = "taskSubject";

	/** A filter's {@code properties.variables}: what each card shows. */
	public static final List<Map<String, String>> VARIABLES = List.of(Map.of("name", SUBJECT, "label", "Subject"),
			Map.of("name", "ideaReference", "label", "Idea"), Map.of("name", "ideaTitle", "label", "Title"));

	private static final Logger log = LoggerFactory.getLogger(TaskCards.class);

	private final ObjectProvider<TaskSubject> subjects;

	private ProcessEngineConfigurationImpl configuration;

	TaskCards(ObjectProvider<TaskSubject> subjects) {
		this.subjects = subjects;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
		EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::write);
	}

	void write(DelegateTask task) {
		String subject = subjectOf(task);
		if (subject != null) {
			task.setVariableLocal(SUBJECT, subject);
		}
	}

	/** The first subject a feature gives the task, or null. */
	public String subjectOf(DelegateTask task) {
		return subjects.orderedStream().map(rule -> rule.of(task)).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/**
	 * The open tasks of a process get their subject again, e.g. when the council session
	 * they are in moved to another day. Inside the engine's command of the caller, or a
	 * new one.
	 */
	public void refresh(String processDefinitionKey) {
		List<String> ids = configuration.getTaskService()
			.createTaskQuery()
			.processDefinitionKey(processDefinitionKey)
			.list()
			.stream()
			.map(Task::getId)
			.toList();
		rewrite(ids, true);
	}

	/**
	 * Tasks created before their cards had a subject get it at start, so that the cards
	 * of an existing database tell them apart too.
	 */
	@EventListener
	@Order(1)
	public void onEngineReady(ApplicationReadyEvent event) {
		Set<String> withSubject = new HashSet<>();
		configuration.getRuntimeService()
			.createVariableInstanceQuery()
			.variableName(SUBJECT)
			.list()
			.stream()
			.map(VariableInstance::getTaskId)
			.filter(Objects::nonNull)
			.forEach(withSubject::add);
		List<String> without = configuration.getTaskService()
			.createTaskQuery()
			.list()
			.stream()
			.filter(task -> task.getProcessInstanceId() != null && !withSubject.contains(task.getId()))
			.map(Task::getId)
			.toList();
		try {
			int written = rewrite(without, false);
			if (written > 0) {
				log.info("{} open tasks got the subject their Tasklist cards show", written);
			}
		}
		catch (RuntimeException ex) {
			// another node starting at the same time wrote them
			log.warn("Open tasks did not get their card's subject at start: {}", ex.getMessage());
		}
	}

	private int rewrite(List<String> taskIds, boolean replace) {
		if (taskIds.isEmpty()) {
			return 0;
		}
		return configuration.getCommandExecutorTxRequired().execute(context -> {
			int written = 0;
			for (String id : taskIds) {
				TaskEntity task = context.getTaskManager().findTaskById(id);
				if (task == null || task.getExecution() == null) {
					continue;
				}
				String subject = subjectOf(task);
				if (subject != null && !subject.equals(task.getVariableLocal(SUBJECT))) {
					task.setVariableLocal(SUBJECT, subject);
					written++;
				}
				else if (subject == null && replace && task.hasVariableLocal(SUBJECT)) {
					task.removeVariableLocal(SUBJECT);
				}
			}
			return written;
		});
	}

	/** The process a task belongs to, by its key ({@code data-opening}). */
	public static String processKey(DelegateTask task) {
		TaskEntity entity = (TaskEntity) task;
		return entity.getProcessDefinition() == null ? null : entity.getProcessDefinition().getKey();
	}

	/**
	 * A group as people know it: "Mobility" for a department's groups, "Legal" for a
	 * city-wide group, never its id.
	 */
	public static String groupName(Departments departments, String group) {
		return departments.byAnyGroup(group)
			.map(Departments.Department::name)
			.orElseGet(() -> Groups.CITY_GROUPS.stream()
				.filter(city -> city[0].equals(group))
				.map(city -> city[1])
				.findFirst()
				.orElse(group));
	}

	/** 4500.5 as "4,500.50 €", 4500 as "4,500 €". */
	public static String euros(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0",
				DecimalFormatSymbols.getInstance(Locale.UK));
		return format.format(amount) + " €";
	}

}
