package city.ideatoservice.notification;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import city.ideatoservice.deadline.TaskDeadlinePassed;
import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What civil servants are told by e-mail: a task with a deadline landed in their group
 * (unless they turned it off: user info {@value #NEW_TASKS_SETTING} = false), a reminder,
 * an escalation to the group's lead.
 */
@Component
public class StaffNotifications {

	/**
	 * A user's own choice, in Admin's user info or by the API: "false" turns off the
	 * new-task e-mails.
	 */
	public static final String NEW_TASKS_SETTING = "notify-new-tasks";

	private final Notifications notifications;

	private final IdentityService identityService;

	private final IdeaService ideas;

	private final String tasklistUrl;

	StaffNotifications(Notifications notifications, IdentityService identityService, IdeaService ideas,
			@Value("${idea-to-service.public-base-url}") String publicBaseUrl) {
		this.notifications = notifications;
		this.identityService = identityService;
		this.ideas = ideas;
		this.tasklistUrl = publicBaseUrl + "/camunda/app/tasklist/";
	}

	/** A task with a due date was created for these groups. */
	public void taskCreated(String taskId, String taskName, String reference, java.util.Date due, List<String> groups) {
		for (String user : members(groups)) {
			if (!"false".equalsIgnoreCase(identityService.getUserInfo(user, NEW_TASKS_SETTING))) {
				Map<String, String> parameters = facts(taskId, taskName, reference);
				parameters.put("due", due.toInstant().toString().substring(0, 10));
				notifications.toStaff(NotificationKind.TASK_ASSIGNED, ideaId(reference), reference, user, parameters);
			}
		}
	}

	@EventListener
	void onDeadline(TaskDeadlinePassed deadline) {
		Set<String> recipients = deadline.kind() == TaskDeadlinePassed.Kind.REMINDER && deadline.assignee() != null
				? Set.of(deadline.assignee()) : members(deadline.groups());
		if (deadline.kind() == TaskDeadlinePassed.Kind.ESCALATION) {
			recipients = new LinkedHashSet<>(recipients);
			recipients.addAll(deadline.users());
		}
		NotificationKind kind = deadline.kind() == TaskDeadlinePassed.Kind.REMINDER ? NotificationKind.TASK_REMINDER
				: NotificationKind.TASK_ESCALATED;
		for (String user : recipients) {
			notifications.toStaff(kind, ideaId(deadline.ideaReference()), deadline.ideaReference(), user,
					facts(deadline.taskId(), deadline.taskName(), deadline.ideaReference()));
		}
	}

	private Set<String> members(List<String> groups) {
		Set<String> users = new LinkedHashSet<>();
		for (String group : groups) {
			identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(users::add);
		}
		return users;
	}

	private Map<String, String> facts(String taskId, String taskName, String reference) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("taskName", taskName == null ? "" : taskName);
		parameters.put("reference", reference == null ? "" : reference);
		parameters.put("title",
				reference == null ? "" : ideas.findByReference(reference).map(i -> i.title()).orElse(""));
		parameters.put("taskUrl", tasklistUrl + "default/#/?task=" + taskId);
		return parameters;
	}

	private Long ideaId(String reference) {
		return reference == null ? null : ideas.findByReference(reference).map(i -> i.id()).orElse(null);
	}

}
