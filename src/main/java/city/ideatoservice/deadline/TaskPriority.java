package city.ideatoservice.deadline;

/**
 * What a task's priority (shown on its Tasklist card) means; the deadlines raise it,
 * never lower it.
 */
public final class TaskPriority {

	/** On time: every task starts here (the engine's default). */
	public static final int NORMAL = 50;

	/** Due soon: its reminder went out. */
	public static final int REMINDED = 60;

	/** Overdue: its due date passed. */
	public static final int OVERDUE = 80;

	/** Escalated: its lead was asked to step in. */
	public static final int ESCALATED = 100;

	private TaskPriority() {
	}

}
