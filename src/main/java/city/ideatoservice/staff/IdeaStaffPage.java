package city.ideatoservice.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.identity.StaffPages;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.opendata.PublishedDatasetRepository;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.ProcessKeys;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Everything about one idea for staff (/staff/ideas/{reference}, their Tasklist login):
 * the public facts and status history, every decision with who took it and when (the
 * completed tasks, from the engine's history), the tasks open now with a link into the
 * Tasklist, the e-mails sent, the datasets opened and the act. Who may read the idea in
 * the Tasklist may read this page: the engine's authorizations decide (the user's grants
 * on the idea's history), as for the Tasklist's cards.
 */
@Controller
class IdeaStaffPage {

	record Step(String when, String task, String by) {
	}

	record OpenTask(String id, String name, String candidates, String assignee, String due) {
	}

	record Mail(String when, String kind, String to, String status) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	private final IdeaService ideas;

	private final NotificationRepository notifications;

	private final PublishedDatasetRepository datasets;

	private final OfficialActRepository acts;

	private final IdentityService identity;

	private final Departments departments;

	private final HistoryService history;

	private final TaskService tasks;

	IdeaStaffPage(IdeaService ideas, NotificationRepository notifications, PublishedDatasetRepository datasets,
			OfficialActRepository acts, Departments departments, ProcessEngine engine) {
		this.departments = departments;
		this.ideas = ideas;
		this.notifications = notifications;
		this.datasets = datasets;
		this.acts = acts;
		this.identity = engine.getIdentityService();
		this.history = engine.getHistoryService();
		this.tasks = engine.getTaskService();
	}

	/** The search box of the staff pages: a reference as typed, e.g. with spaces. */
	@GetMapping("/staff/ideas")
	String find(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String reference) {
		String typed = reference.strip().toUpperCase(java.util.Locale.ROOT);
		return typed.matches("[A-Z0-9-]{1,20}") ? "redirect:/staff/ideas/" + typed : "redirect:/staff/council";
	}

	@GetMapping("/staff/ideas/{reference}")
	String page(@PathVariable String reference, Model model, HttpServletResponse response) {
		// any logged-in user: the engine's grants decide below
		Optional<String> login = StaffPages.login(identity, model, response);
		if (login.isPresent()) {
			return login.get();
		}
		Optional<Idea> found = ideas.findByReference(reference);
		// read as the user: their authorizations filter the history
		HistoricProcessInstance root = found.isEmpty() ? null
				: history.createHistoricProcessInstanceQuery()
					.processDefinitionKey(ProcessKeys.IDEA_TO_SERVICE)
					.processInstanceBusinessKey(reference)
					.singleResult();
		if (root == null) {
			response.setStatus(404);
			model.addAttribute("reference", reference);
			return "staff/idea-not-found";
		}
		Idea idea = found.get();
		List<String> instanceIds = history.createHistoricProcessInstanceQuery()
			.rootProcessInstanceId(root.getId())
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		Map<String, String> names = new HashMap<>();
		List<Step> steps = instanceIds.stream()
			.flatMap(id -> history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().list().stream())
			.filter(task -> !"deleted".equals(task.getDeleteReason()))
			.sorted(Comparator.comparing(task -> task.getEndTime()))
			.map(task -> new Step(when(task.getEndTime()), task.getName(),
					task.getAssignee() == null ? "—" : names.computeIfAbsent(task.getAssignee(), this::personName)))
			.toList();
		List<OpenTask> open = tasks.createTaskQuery()
			.processInstanceIdIn(instanceIds.toArray(String[]::new))
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(task -> new OpenTask(task.getId(), task.getName(), candidates(task.getId()),
					task.getAssignee() == null ? null : names.computeIfAbsent(task.getAssignee(), this::personName),
					task.getDueDate() == null ? null : DAY.format(task.getDueDate().toInstant().atZone(zone()))))
			.toList();
		List<Mail> mails = notifications.findByIdeaIdOrderByCreatedAt(idea.id())
			.stream()
			.map(mail -> new Mail(when(mail.sentAt() != null ? mail.sentAt() : mail.createdAt()),
					StaffPages.words(mail.kind().name()),
					mail.citizenId() != null ? "the citizen"
							: mail.staffUserId() != null ? names.computeIfAbsent(mail.staffUserId(), this::personName)
									: mail.partnerId() != null ? "a partner" : "—",
					StaffPages.words(mail.status().name())))
			.toList();
		model.addAttribute("idea", idea);
		model.addAttribute("status", StaffPages.words(idea.status().name()));
		model.addAttribute("submitted", when(idea.createdAt()));
		model.addAttribute("statuses", ideas.history(idea)
			.stream()
			.sorted(Comparator.comparing(change -> change.changedAt()))
			.map(change -> Map.of("when", when(change.changedAt()), "status", StaffPages.words(change.status().name()),
					"reason", Objects.toString(change.publicReason(), "")))
			.toList());
		model.addAttribute("steps", steps);
		model.addAttribute("open", open);
		model.addAttribute("mails", mails);
		model.addAttribute("datasets",
				datasets.findByIdeaReferenceOrderByIssuedAtAsc(reference)
					.stream()
					.map(dataset -> Map.of("title", dataset.title(), "department",
							departments.all()
								.stream()
								.filter(department -> department.group().equals(dataset.publisherDepartment()))
								.map(Departments.Department::name)
								.findFirst()
								.orElse(dataset.publisherDepartment())))
					.toList());
		model.addAttribute("act",
				acts.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(reference)
					.map(act -> Map.of("number", act.actNumber(), "kind", StaffPages.words(act.actKind()), "adopted",
							act.adoptedOn() == null ? "" : DAY.format(act.adoptedOn()), "directive",
							Objects.toString(act.directiveReference(), "—"), "effective",
							act.directiveEffectiveDate() == null ? "—" : DAY.format(act.directiveEffectiveDate())))
					.orElse(null));
		return "staff/idea";
	}

	private String candidates(String taskId) {
		return String.join(", ", tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
			.map(link -> Optional.ofNullable(identity.createGroupQuery().groupId(link.getGroupId()).singleResult())
				.map(group -> group.getName() == null ? group.getId() : group.getName())
				.orElse(link.getGroupId()))
			.toList());
	}

	private String personName(String userId) {
		return StaffPages.personName(identity, "null".equals(userId) ? null : userId);
	}

	private static String when(Date date) {
		return date == null ? "" : WHEN.format(date.toInstant().atZone(zone()));
	}

	private static String when(Instant instant) {
		return instant == null ? "" : WHEN.format(instant.atZone(zone()));
	}

	private static ZoneId zone() {
		return ZoneId.systemDefault();
	}

}
