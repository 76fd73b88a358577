package city.ideatoservice.deadline;

import java.util.List;

/** A task's reminder or escalation fired (notifications listen to it). */
public record TaskDeadlinePassed(Kind kind, String taskId, String taskName, String ideaReference, String assignee,
		List<String> groups) {

	public enum Kind {

		REMINDER, ESCALATION

	}

}
