package city.ideatoservice.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import city.ideatoservice.council.CouncilSession;
import city.ideatoservice.council.CouncilSessionRepository;
import city.ideatoservice.council.SessionFilters;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Takes ideas through the application's engine as its users do, without HTTP: a citizen's
 * submission, then every open task of the idea submitted through the form service by a
 * member of its group (or its assignee), logged in, with the values a person gives in
 * Tasklist (untyped primitives, lists as Json); the jobs the job executor would run
 * (continuations, e-mails) and, when the idea waits for a date, its timer, run here, in
 * this thread.
 */
final class Lifecycles {

	static final String CHAMPION = "champ";

	/** Every bench user's password: Camunda's password policy stays on. */
	static final String PASSWORD = "Bench-Passw0rd!";

	private final ProcessEngine engine;

	private final IdeaSubmission submission;

	private final IdeaService ideas;

	private final String councilSessionId;

	private final Set<String> users = ConcurrentHashMap.newKeySet();

	/** Jobs another thread ran first (two threads of the history generator). */
	final java.util.concurrent.atomic.AtomicInteger jobCollisions = new java.util.concurrent.atomic.AtomicInteger();

	/** Jobs that failed, e.g. an e-mail the server refused: must stay 0. */
	final java.util.concurrent.atomic.AtomicInteger jobFailures = new java.util.concurrent.atomic.AtomicInteger();

	Lifecycles(ApplicationContext context) {
		this.engine = context.getBean(ProcessEngine.class);
		this.submission = context.getBean(IdeaSubmission.class);
		this.ideas = context.getBean(IdeaService.class);
		CouncilSession session = context.getBean(CouncilSessionRepository.class)
			.save(new CouncilSession(null, CouncilSession.COUNCIL, LocalDate.now(), 41, null));
		context.getBean(SessionFilters.class).createFor(session);
		this.councilSessionId = String.valueOf(session.id());
		user(CHAMPION, "innovation-office");
	}

	/** A submitted idea: its reference and tracking code. */
	record Submitted(String reference, String trackingCode) {
	}

	Submitted submit(int n) {
		IdeaSubmission.Submitted submitted = submission.submit(new IdeaService.NewIdea("Night bus on demand " + n,
				"A bus you call with an app after midnight, idea " + n + ".", Theme.MOBILITY, Reach.CITY,
				Channel.PORTAL, "Noa Night", "noa-" + n + "@example.org", null));
		runJobs();
		return new Submitted(submitted.idea().reference(), submitted.trackingCode());
	}

	/**
	 * One idea from the portal to a live service and its sustainability review; the
	 * number of user tasks completed.
	 */
	int fullLifecycle(int n) {
		String reference = submit(n).reference();
		int completed = 0;
		boolean reviewed = false;
		for (int step = 0; step < 200; step++) {
			List<Task> tasks = engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.initializeFormKeys()
				.list();
			if (tasks.isEmpty() && reviewed && ideas.require(reference).status() == PublicStatus.LIVE) {
				// kept after its first review: a live service stays live, reviewed year after year
				return completed;
			}
			if (tasks.isEmpty()) {
				ProcessInstance root = engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processDefinitionKey(ProcessKeys.IDEA_TO_SERVICE)
					.processInstanceBusinessKey(reference)
					.singleResult();
				if (root == null) {
					PublicStatus status = ideas.require(reference).status();
					if (status != PublicStatus.LIVE) {
						throw new IllegalStateException(reference + " ended " + status + ", not LIVE");
					}
					return completed;
				}
				fireNextTimer(root);
				continue;
			}
			for (Task task : tasks) {
				reviewed |= "review-service-sustainability".equals(task.getCamundaFormRef().getKey());
				complete(task, answers(task.getCamundaFormRef().getKey()));
				completed++;
			}
		}
		throw new IllegalStateException(reference + " did not end: open tasks "
				+ engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).list());
	}

	/** The one open task of the idea with this form. */
	Task task(String reference, String formKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.initializeFormKeys()
			.list()
			.stream()
			.filter(task -> formKey.equals(task.getCamundaFormRef().getKey()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(reference + " has no task " + formKey));
	}

	/**
	 * Submits the task's form as its assignee or a member of its candidate group, then
	 * runs the jobs that follow.
	 */
	void complete(Task task, Map<String, Object> form) {
		String user = task.getAssignee();
		List<String> groups = new ArrayList<>();
		if (user == null) {
			for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}
			user = user("bench-" + groups.get(0), groups.get(0));
		}
		else {
			groups.add("innovation-office");
		}
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication(user, groups);
		try {
			engine.getFormService().submitTaskForm(task.getId(), form);
		}
		finally {
			identity.clearAuthentication();
		}
		runJobs();
	}

	/** The values a person gives in each form, as in the end-to-end test. */
	Map<String, Object> answers(String formKey) {
		String today = LocalDate.now().toString();
		return switch (formKey) {
			case "screen-idea" -> form("screeningDecision", "ACCEPT", "category", "MOBILITY", "priority", "HIGH",
					"sponsorDepartment", "dept-mobility");
			case "assign-champion" -> form("champion", CHAMPION, "sponsorDepartment", "dept-mobility");
			case "plan-codesign-session" ->
				form("sessionFormat", "LIVING_LAB", "sessionDate", LocalDate.now().plusDays(7).toString(),
						"sessionPlace", "Bus depot", "sessionParticipants", "Night workers");
			case "record-codesign-outcome" -> form("codesignOutcome", "VIABLE", "objectives", "500 rides a month",
					"milestones",
					List.of(Map.of("title", "App prototype", "dueDate", LocalDate.now().plusDays(60).toString())),
					"datasets",
					List.of(dataset("Bus stops", "dept-mobility"), dataset("Night lines", "dept-mobility"),
							dataset("Taxi ranks", "dept-mobility"), dataset("Street lighting", "dept-urban-planning"),
							dataset("Pedestrian zones", "dept-urban-planning")),
					"fundingSource", "NEW_FUNDING", "estimatedBudget", 4500);
			case "approve-funding", "approve-service" -> form("approvalDecision", "APPROVE");
			case "assess-dataset" -> form("datasetAssessment", "CAN_OPEN", "containsPersonalData", "NO",
					"containsLocationData", "NO", "commerciallySensitive", "NO", "alreadyPublic", "NO");
			case "publish-dataset" -> form("catalogueTitle", "Night mobility data", "catalogueDescription",
					"Opened for the night bus", "datasetLicence", "CC-BY-4.0", "datasetFormat", "CSV", "datasetUrl",
					"https://data.city.example/night", "updateFrequency", "MONTHLY", "datasetKeywords", "night, bus",
					"contactPoint", "opendata@city.example");
			case "review-milestone-checkpoint" -> form("checkpointDecision", "CONTINUE");
			case "plan-public-commitment" -> form("commitmentMoment", "PRESS_CONFERENCE", "commitmentDate",
					LocalDate.now().plusDays(3).toString(), "politicalSponsorName", "Mara Yilmaz",
					"politicalSponsorOffice", "Mayor", "commitmentPromise", "A night bus in every district.");
			case "record-pilot-results" ->
				form("pilotResults", "620 rides a month", "objectivesMet", "ALL", "pilotParticipants", 410);
			case "recommend-adoption" ->
				form("adoptionRecommendation", "ADOPT", "implementingDepartments", List.of("dept-mobility"),
						"yearlyRunningCost", 180000, "changesRegulation", "NO");
			case "prepare-agenda-item" -> form("draftActText", "The city runs a night bus on demand.", "committee",
					"MOBILITY_ENVIRONMENT", "councilSessionId", councilSessionId);
			case "record-committee-review" -> form("committeeOpinion", "FAVOURABLE");
			case "record-council-vote" ->
				form("votesFor", 30, "votesAgainst", 8, "votesAbstain", 3, "councilVote", "ADOPTED");
			case "issue-directives" ->
				form("directiveReference", "DIR-2026-301", "responsibleDepartments", List.of("dept-mobility"),
						"directiveEffectiveDate", today, "amendedProcedure", "Public transport operations manual");
			case "announce-service" -> form("announcementType", "PRESS_CONFERENCE", "announcementDate", today,
					"announcementLink", "https://city.example/press/night-bus");
			case "confirm-service-launch" ->
				form("servicePublicUrl", "https://city.example/night-bus", "serviceStartDate", today);
			case "review-service-sustainability" ->
				form("sustainabilityDecision", "KEEP", "sustainabilityNotes", "Used every night, keep it.");
			default -> throw new IllegalStateException("The benchmark has no answers for the form " + formKey);
		};
	}

	/** The screener's rejection, with the public reason the citizen reads. */
	static Map<String, Object> rejection() {
		return form("screeningDecision", "REJECT", "category", "MOBILITY", "priority", "LOW", "publicReason",
				"The city already runs this service.");
	}

	static Map<String, Object> acceptance() {
		return form("screeningDecision", "ACCEPT", "category", "MOBILITY", "priority", "HIGH", "sponsorDepartment",
				"dept-mobility");
	}

	private static Map<String, Object> dataset(String title, String department) {
		return Map.of("title", title, "ownerDepartment", department, "purpose", "Route planner");
	}

	static Map<String, Object> form(Object... keyValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			Object value = keyValues[i + 1];
			values.put((String) keyValues[i], value instanceof List<?> list ? JsonVariables.list(list) : value);
		}
		return values;
	}

	/**
	 * Runs the due continuations and e-mail jobs of all ideas, as the job executor would,
	 * until none is left.
	 */
	void runJobs() {
		for (int round = 0; round < 100; round++) {
			List<Job> jobs = engine.getManagementService().createJobQuery().executable().messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				try {
					engine.getManagementService().executeJob(job.getId());
				}
				catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException ranByOther) {
					jobCollisions.incrementAndGet();
				}
				catch (RuntimeException failed) {
					if (isGone(job)) {
						jobCollisions.incrementAndGet();
					}
					else {
						jobFailures.incrementAndGet();
					}
				}
			}
		}
	}

	private boolean isGone(Job job) {
		return engine.getManagementService().createJobQuery().jobId(job.getId()).count() == 0;
	}

	/**
	 * The idea waits for a date (the council's session, the follow-up): that day has
	 * come.
	 */
	private void fireNextTimer(ProcessInstance root) {
		List<Job> timers = engine.getManagementService()
			.createJobQuery()
			.rootProcessInstanceId(root.getId())
			.timers()
			.orderByJobDuedate()
			.asc()
			.list();
		if (timers.isEmpty()) {
			throw new IllegalStateException(root.getBusinessKey() + " waits without a task or timer");
		}
		engine.getManagementService().executeJob(timers.get(0).getId());
		runJobs();
	}

	/** A user in this group with the bench password, created once. */
	String user(String id, String group) {
		if (users.add(id)) {
			IdentityService identity = engine.getIdentityService();
			if (identity.createUserQuery().userId(id).count() == 0) {
				User user = identity.newUser(id);
				user.setFirstName("Benchmark");
				user.setLastName("User");
				user.setPassword(PASSWORD);
				identity.saveUser(user);
				if (identity.createGroupQuery().groupId(group).count() == 0) {
					identity.saveGroup(identity.newGroup(group));
				}
				identity.createMembership(id, group);
			}
		}
		return id;
	}

}
