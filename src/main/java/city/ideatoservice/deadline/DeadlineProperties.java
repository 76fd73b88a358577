package city.ideatoservice.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the user tasks, by form id (screen-idea, approve-service, ...): due date, reminder and escalation,
 * each counted from the task's creation. ISO 8601 durations (P5D).
 */
@ConfigurationProperties("idea-to-service.deadlines")
public record DeadlineProperties(Duration questionTimeout, Period followUpAfterLaunch,
		Duration checkpointEscalationAfterDue, TaskDeadline defaultTask, Map<String, TaskDeadline> tasks) {

	public record TaskDeadline(Duration due, Duration reminder, Duration escalation) {
	}

	public DeadlineProperties {
		tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
	}

	TaskDeadline of(String task) {
		return tasks.getOrDefault(task, defaultTask);
	}

}
