package city.ideatoservice.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What tells a task apart from the other tasks of its idea, what differs first, e.g.
 * "Bike counters" (a dataset) or "4,500 € · Mobility" (funding): a feature says it for
 * its own tasks, and {@link TaskCards} writes it on the task's card when the task is
 * created.
 */
@FunctionalInterface
public interface TaskSubject {

	/**
	 * The subject of this task, or null if the task is not of this feature or needs none.
	 */
	String of(DelegateTask task);

}
