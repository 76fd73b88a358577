package city.ideatoservice.deadline;

import java.util.List;

/**
 * A task's reminder or escalation fired (notifications listen to it): to the assignee or
 * the groups, and for an escalation also to the lead named as a person ({@code users}).
 */
public record TaskDeadlinePassed(Kind kind, String taskId, String taskName, String ideaReference, String assignee,
		List<String> groups, List<String> users) {

	public enum Kind {

		REMINDER, ESCALATION

	}

}
