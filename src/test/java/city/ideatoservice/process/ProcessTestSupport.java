package city.ideatoservice.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.StatusChange;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.notification.Notifications;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What process tests do again and again: submit an idea, work its tasks, run its jobs,
 * read its public status.
 */
@Component
public class ProcessTestSupport {

	public static final String CHAMPION = "champ";

	private static final AtomicInteger references = new AtomicInteger();

	private final ProcessEngine engine;

	private final IdeaSubmission submission;

	private final IdeaService ideas;

	public ProcessTestSupport(ProcessEngine engine, IdeaSubmission submission, IdeaService ideas) {
		this.engine = engine;
		this.submission = submission;
		this.ideas = ideas;
	}

	/**
	 * A fresh idea reference for a test that starts a called process on its own:
	 * decisions, agenda items and datasets are kept by reference, and all test classes
	 * share one database. Never one the application hands out (those have six digits).
	 */
	public static String newReference() {
		return "IDEA-2026-" + (90000 + references.incrementAndGet());
	}

	public String submitIdea(String title, Theme theme, Reach reach) {
		return submission.submit(newIdea(title, theme, reach)).idea().reference();
	}

	/**
	 * An idea as the portal registers it, without starting its process: for a called
	 * model tested on its own.
	 */
	public String registerIdea(String title, Theme theme, Reach reach) {
		return ideas.register(newIdea(title, theme, reach)).idea().reference();
	}

	private static IdeaService.NewIdea newIdea(String title, Theme theme, Reach reach) {
		return new IdeaService.NewIdea(title, "A description of " + title, theme, reach, Channel.PORTAL, "Test Citizen",
				"citizen@example.org", null);
	}

	/**
	 * A user with the password "password-" + id, member of these groups (created if
	 * missing).
	 */
	public void ensureUser(String id, String... groups) {
		IdentityService identity = engine.getIdentityService();
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword("password-" + id);
			identity.saveUser(user);
		}
		for (String group : groups) {
			if (identity.createGroupQuery().groupId(group).count() == 0) {
				identity.saveGroup(identity.newGroup(group));
			}
			if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
				identity.createMembership(id, group);
			}
		}
	}

	/**
	 * Does what the user does in Tasklist: logged in, with their groups, under
	 * authorization.
	 */
	public <T> T asUser(String user, java.util.function.Supplier<T> action) {
		IdentityService identity = engine.getIdentityService();
		List<String> groups = identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(g -> g.getId())
			.toList();
		identity.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** Submits a task's form as the user would in Tasklist. */
	public void submitAs(String user, String taskId, Map<String, Object> form) {
		asUser(user, () -> {
			engine.getFormService().submitTaskForm(taskId, form);
			return null;
		});
	}

	public ProcessInstance instance(String reference) {
		return instance(reference, ProcessKeys.IDEA_TO_SERVICE);
	}

	/**
	 * The idea's running instance of this model, e.g. of idea-screening while the idea is
	 * screened.
	 */
	public ProcessInstance instance(String reference, String processKey) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(reference)
			.singleResult();
	}

	public Task task(String reference, String taskDefinitionKey) {
		List<Task> tasks = tasks(reference, taskDefinitionKey);
		if (tasks.size() != 1) {
			throw new AssertionError("Expected one task " + taskDefinitionKey + " for " + reference + ", found "
					+ tasks.size() + "; open tasks: " + openTasks(reference));
		}
		return tasks.get(0);
	}

	public List<Task> tasks(String reference, String taskDefinitionKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(taskDefinitionKey)
			.list();
	}

	public List<String> openTasks(String reference) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	/**
	 * Completes the task the way Tasklist does: through the form service; then runs the
	 * jobs that follow.
	 */
	public void complete(String reference, String taskDefinitionKey, Map<String, Object> variables) {
		Task task = task(reference, taskDefinitionKey);
		String root = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getRootProcessInstanceId();
		engine.getFormService().submitTaskForm(task.getId(), variables);
		runJobsOfRoot(root);
	}

	// ---- jobs: the job executor is off in tests, the tests run them here

	/**
	 * Runs the asynchronous continuations of the idea's process and the processes it
	 * called, as the job executor would, until none is left. Not timers, and not the
	 * e-mail jobs (processes of their own, see {@link #runMailJobs()}).
	 */
	public void runJobs(String reference) {
		ProcessInstance instance = instance(reference);
		if (instance != null) {
			runJobs(instance);
		}
	}

	/**
	 * Runs the asynchronous continuations of the instance, its caller and the processes
	 * they called.
	 */
	public void runJobs(ProcessInstance instance) {
		runJobsOfRoot(instance.getRootProcessInstanceId());
	}

	private void runJobsOfRoot(String rootProcessInstanceId) {
		ManagementService management = engine.getManagementService();
		for (int round = 0; round < 50; round++) {
			List<Job> jobs = management.createJobQuery()
				.rootProcessInstanceId(rootProcessInstanceId)
				.messages()
				.executable()
				.list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
		throw new AssertionError("Asynchronous jobs keep coming: a loop in the model?");
	}

	/**
	 * The timers of the instance (e.g. a task's reminder and escalation), the soonest
	 * first.
	 */
	public List<Job> timers(ProcessInstance instance) {
		return timerQuery(instance).list();
	}

	/**
	 * The timers of the instance at one activity (a task's deadlines, a boundary event),
	 * the soonest first.
	 */
	public List<Job> timers(ProcessInstance instance, String activityId) {
		return timerQuery(instance).activityId(activityId).list();
	}

	private JobQuery timerQuery(ProcessInstance instance) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.orderByJobDuedate()
			.asc();
	}

	/**
	 * Fires the timer now, as if it were due, then runs the continuations that follow.
	 */
	public void runTimer(Job timer) {
		engine.getManagementService().executeJob(timer.getId());
		runJobsOfRoot(timer.getRootProcessInstanceId());
	}

	/** Fires the timers of the instance at the activity, the soonest first. */
	public void runTimers(ProcessInstance instance, String activityId) {
		timers(instance, activityId).forEach(this::runTimer);
	}

	/**
	 * Runs each due e-mail job once, as the job executor does: a failure (mail server
	 * down) is recorded on the job, which waits for its next try or becomes an incident.
	 */
	public void runMailJobs() {
		ManagementService management = engine.getManagementService();
		for (Job job : mailJobs()) {
			try {
				management.executeJob(job.getId());
			}
			catch (RuntimeException failed) {
				// the engine has decremented the job's retries and recorded the exception
			}
		}
	}

	/** The e-mail jobs that are due. */
	public List<Job> mailJobs() {
		return engine.getManagementService()
			.createJobQuery()
			.processDefinitionKey(Notifications.PROCESS_KEY)
			.executable()
			.list();
	}

	public PublicStatus status(String reference) {
		return ideas.require(reference).status();
	}

	public List<StatusChange> history(String reference) {
		return ideas.history(ideas.require(reference));
	}

	public List<PublicStatus> statusHistory(String reference) {
		return history(reference).stream().map(StatusChange::status).toList();
	}

	public String lastReason(String reference) {
		List<StatusChange> history = history(reference);
		return history.get(history.size() - 1).publicReason();
	}

	public RuntimeService runtime() {
		return engine.getRuntimeService();
	}

	public TaskService taskService() {
		return engine.getTaskService();
	}

	public ManagementService management() {
		return engine.getManagementService();
	}

}
