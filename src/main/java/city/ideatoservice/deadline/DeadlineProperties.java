package city.ideatoservice.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the user tasks, keyed by the task's form id (screen-idea, approve-service,
 * ...): due date, reminder and escalation, each counted from the task's creation, or, for
 * a task whose due date is a date the process holds (a milestone's due date), from that
 * date. ISO 8601 durations (P5D). A task whose form is not listed gets the defaults.
 */
@ConfigurationProperties("idea-to-service.deadlines")
public record DeadlineProperties(Duration questionTimeout, Period followUpAfterLaunch, TaskDeadline defaultTask,
		Map<String, TaskDeadline> tasks) {

	/**
	 * @param dueDateVariable a process variable holding the due date (yyyy-MM-dd);
	 * reminder and escalation then count from the start of that day, and {@code due} is
	 * not used
	 */
	public record TaskDeadline(Duration due, Duration reminder, Duration escalation, String dueDateVariable) {

		public TaskDeadline {
			if (dueDateVariable == null && due == null) {
				throw new IllegalArgumentException("a task deadline needs 'due' or 'due-date-variable'");
			}
			if (reminder == null || escalation == null) {
				throw new IllegalArgumentException("a task deadline needs 'reminder' and 'escalation'");
			}
		}

	}

	public DeadlineProperties {
		tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
	}

	TaskDeadline of(String form) {
		return tasks.getOrDefault(form, defaultTask);
	}

}
