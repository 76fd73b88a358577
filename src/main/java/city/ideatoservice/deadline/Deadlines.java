package city.ideatoservice.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import city.ideatoservice.deadline.DeadlineProperties.TaskDeadline;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The deadlines the engine asks for while it runs the models: a task's due date, reminder
 * and escalation (added to every user task by {@link TaskDeadlinesParsePlugin}, e.g.
 * {@code ${deadlines.due('screen-idea', execution)}}), and the timers the models name,
 * e.g. {@code ${deadlines.questionTimeout()}}. Values come from
 * {@link DeadlineProperties}; the engine's clock is used so that process tests can move
 * time.
 */
@Component("deadlines")
public class Deadlines {

	private final DeadlineProperties properties;

	Deadlines(DeadlineProperties properties) {
		this.properties = properties;
	}

	public Date due(String form, VariableScope execution) {
		TaskDeadline deadline = properties.of(form);
		if (deadline.dueDateVariable() != null) {
			return Date.from(dayOf(deadline, execution));
		}
		return Date.from(now().plus(deadline.due()));
	}

	public Date reminderAt(String form, VariableScope execution) {
		TaskDeadline deadline = properties.of(form);
		return Date.from(start(deadline, execution).plus(deadline.reminder()));
	}

	public Date escalationAt(String form, VariableScope execution) {
		TaskDeadline deadline = properties.of(form);
		return Date.from(start(deadline, execution).plus(deadline.escalation()));
	}

	public String questionTimeout() {
		return properties.questionTimeout().toString();
	}

	/** The day by which a citizen asked now must answer. */
	public LocalDate questionAnswerBy() {
		return now().plus(properties.questionTimeout()).atZone(ZoneId.systemDefault()).toLocalDate();
	}

	public String followUpAfterLaunch() {
		return properties.followUpAfterLaunch().toString();
	}

	private static Instant start(TaskDeadline deadline, VariableScope execution) {
		return deadline.dueDateVariable() != null ? dayOf(deadline, execution) : now();
	}

	private static Instant dayOf(TaskDeadline deadline, VariableScope execution) {
		Object value = execution.getVariable(deadline.dueDateVariable());
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof String text && !text.isBlank()) {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
				.atStartOfDay(ZoneId.systemDefault())
				.toInstant();
		}
		throw new IllegalStateException("The task's due date '" + deadline.dueDateVariable() + "' is not set");
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
