package city.ideatoservice.notification;

/**
 * The messages the application sends; each has a template
 * {@code templates/mail/<template>.html/.txt}.
 */
public enum NotificationKind {

	/** To the citizen: reference, tracking code, link to follow the idea. */
	IDEA_RECEIVED("idea-received"),
	/** To the citizen: a new public status, with its reason where there is one. */
	STATUS_CHANGED("status-changed"),
	/**
	 * To the citizen: a public note on a live service whose status stays (an improvement
	 * round).
	 */
	SERVICE_NEWS("service-news"),
	/** To the citizen: the screener's question, with a link to answer it. */
	QUESTION_ASKED("question-asked"),
	/**
	 * To the citizen: the city's public commitment after the co-design, promise and date.
	 */
	PUBLIC_COMMITMENT("public-commitment"),
	/**
	 * To a challenge participant: the challenge's result, theirs (winner or not) and the
	 * announcement.
	 */
	CHALLENGE_RESULT("challenge-result"),
	/** To the citizen: the withdrawal is confirmed. */
	IDEA_WITHDRAWN("idea-withdrawn"),
	/** To a civil servant: a task with a deadline landed in one of their groups. */
	TASK_ASSIGNED("task-assigned"),
	/** To the assignee or the group: a task is due soon. */
	TASK_REMINDER("task-reminder"),
	/** To the group's lead: a task is overdue. */
	TASK_ESCALATED("task-escalated"),
	/** To a partner: they joined the idea's partnership, with their role. */
	PARTNER_JOINED("partner-joined"),
	/** To a partner: a checkpoint was assessed together, with its decision. */
	PARTNER_CHECKPOINT("partner-checkpoint"),
	/** To a partner: the city adopted the idea as a service. */
	PARTNER_ADOPTED("partner-adopted"),
	/**
	 * To an external juror: the one-time link to score their batch of a challenge's
	 * entries.
	 */
	JURY_INVITATION("jury-invitation"),
	/** To a juror (staff or external) whose scores are late. */
	JURY_REMINDER("jury-reminder");

	private final String template;

	NotificationKind(String template) {
		this.template = template;
	}

	public String template() {
		return template;
	}

	public boolean toCitizen() {
		return ordinal() <= IDEA_WITHDRAWN.ordinal();
	}

	public boolean toPartner() {
		return ordinal() >= PARTNER_JOINED.ordinal() && ordinal() <= PARTNER_ADOPTED.ordinal();
	}

}
