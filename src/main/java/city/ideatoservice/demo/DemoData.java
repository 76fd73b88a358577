package city.ideatoservice.demo;

import static city.ideatoservice.approval.ApprovalVariables.*;
import static city.ideatoservice.codesign.CodesignVariables.*;
import static city.ideatoservice.council.CouncilVariables.*;
import static city.ideatoservice.funding.FundingVariables.*;
import static city.ideatoservice.idea.IdeaVariables.*;
import static city.ideatoservice.launch.LaunchVariables.*;
import static city.ideatoservice.opendata.OpenDataVariables.*;
import static city.ideatoservice.screening.ScreeningVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.council.CouncilSession;
import city.ideatoservice.council.CouncilSessionRepository;
import city.ideatoservice.council.SessionFilters;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.notification.Notifications;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.partner.PartnerVariables;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (profile {@code demo}): one user per group, all with the password
 * "demo", and a few ideas at different stages so that a newcomer sees a populated
 * Tasklist. Loaded once, into an empty database.
 */
@Component
@Profile("demo")
public class DemoData {

	public static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** user id, first name, last name, groups */
	static final List<String[]> USERS = List.of(new String[] { "inno", "Ines", "Novak", "innovation-office" },
			new String[] { "champ", "Chiara", "Amato", "innovation-office" },
			new String[] { "finn", "Finn", "Larsen", "finance" },
			new String[] { "budget", "Bea", "Dorsey", "budget-committee" },
			new String[] { "lex", "Lea", "Xavier", "legal" }, new String[] { "ivo", "Ivo", "Tanaka", "it" },
			new String[] { "priya", "Priya", "Vance", "privacy-office" },
			new String[] { "cora", "Cora", "Mills", "communications" },
			new String[] { "clerk", "Clara", "Kerr", "council-clerks" },
			new String[] { "mayor", "Mara", "Yilmaz", "mayors-office" },
			new String[] { "desi", "Desmond", "Igwe", "process-designers" },
			new String[] { "olga", "Olga", "Berg", "operators" });

	private final IdentityService identityService;

	private final TaskService taskService;

	private final IdeaSubmission submission;

	private final IdeaRepository ideas;

	private final ManagementService managementService;

	private final RuntimeService runtimeService;

	private final CouncilSessionRepository sessionRepository;

	private final SessionFilters sessionFilters;

	private final Departments departments;

	private List<CouncilSession> councilSessions = List.of();

	DemoData(IdentityService identityService, TaskService taskService, IdeaSubmission submission, IdeaRepository ideas,
			ManagementService managementService, RuntimeService runtimeService,
			CouncilSessionRepository sessionRepository, SessionFilters sessionFilters, Departments departments) {
		this.departments = departments;
		this.sessionFilters = sessionFilters;
		this.sessionRepository = sessionRepository;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.submission = submission;
		this.ideas = ideas;
	}

	@EventListener
	@Order(3)
	public void onEngineReady(ApplicationReadyEvent event) {
		for (String[] user : USERS) {
			createUser(user[0], user[1], user[2], user[3]);
		}
		for (Departments.Department department : departments.all()) {
			String key = department.id();
			createUser(key, department.name(), "Officer", department.group());
			createUser(key + "-steward", department.name(), "Data steward", department.stewardsGroup());
			createUser(key + "-head", department.name(), "Head", department.headsGroup());
		}
		for (String[] group : Groups.CITY_GROUPS) {
			if (Groups.withLeads().contains(group[0])) {
				createUser(group[0] + "-lead", group[1], "Lead", Groups.leadsOf(group[0]));
			}
		}
		if (ideas.count() == 0) {
			councilSessions = planSessions();
			loadIdeas();
		}
	}

	private void createUser(String id, String firstName, String lastName, String group) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(id + "@city.example");
			user.setPassword(PASSWORD);
			identityService.saveUser(user);
		}
		if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
			identityService.createMembership(id, group);
		}
	}

	private void loadIdeas() {
		submit("Safe bike lanes on the ring road", "Separate the bike lanes from car traffic on the ring road with "
				+ "planters, so that children can cycle to school.", Theme.MOBILITY, Reach.CITY);

		String compost = submit("Compost corner in every park",
				"A small compost station in each park where "
						+ "neighbours bring kitchen waste and take compost for their balconies.",
				Theme.ENVIRONMENT, Reach.DISTRICT);
		completeTask(compost, "Task_ScreenIdea",
				Map.of(SCREENING_DECISION, "ASK", CATEGORY, "ENVIRONMENT", PRIORITY, "NORMAL", QUESTION_TO_CITIZEN,
						"Who would look after the compost stations: volunteers or the parks department?"));

		String playgrounds = submit("Map of accessible playgrounds",
				"An online map that shows which playgrounds " + "have equipment for children in wheelchairs.",
				Theme.SOCIAL, Reach.CITY);
		accept(playgrounds, "dept-social-services");

		String library = submit("Library of things",
				"Borrow a drill, a tent or a sewing machine from the library " + "instead of buying one.",
				Theme.CULTURE, Reach.CITY);
		accept(library, "dept-culture");
		complete(library,
				Map.of(SESSION_FORMAT, "WORKSHOP", SESSION_DATE, LocalDate.now().plusDays(3).toString(), SESSION_PLACE,
						"Central library, room 2", SESSION_PARTICIPANTS, "Library staff, 12 citizens, repair café"));
		VariableMap outcome = Variables.createVariables()
			.putValue(CODESIGN_OUTCOME, "VIABLE")
			.putValue(OBJECTIVES, "Lend 200 tools in the first three months; 80% of borrowers satisfied.")
			.putValue(MILESTONES,
					JsonVariables
						.list(List.of(milestone("Catalogue of 100 things online", LocalDate.now().plusDays(30)),
								milestone("Lending desk open in two branches", LocalDate.now().plusDays(90)))))
			.putValue(DATASETS,
					JsonVariables.list(List.of(dataset("Library branches and opening hours", "dept-culture"),
							dataset("Library loans per branch", "dept-culture"),
							dataset("Repair cafés", "dept-environment"),
							dataset("Waste collection points", "dept-environment"),
							dataset("Bus stops near libraries", "dept-mobility"))))
			.putValue(FUNDING_SOURCE, "NEW_FUNDING")
			.putValue(ESTIMATED_BUDGET, 4500)
			.putValue(PartnerVariables.PARTNERS, JsonVariables.list(List.of(
					partner("Repair café network", "CIVIC_GROUP", "Repairs and explains the things", "Rosa Reyes",
							true),
					partner("University of Applied Sciences", "UNIVERSITY", "Surveys the borrowers", "Ben Ortiz", true),
					partner("Hardware store Meier", "ENTREPRENEUR", "Donates tools", "Karl Meier", false))));
		complete(library, outcome);

		String nightBus = submit("Night bus on demand",
				"A bus you call with an app after midnight, so that night " + "workers get home safely.",
				Theme.MOBILITY, Reach.CITY);
		throughPilot(nightBus, "dept-mobility");
		String repairCafe = submit("Repair café in every district",
				"Volunteers repair bikes, toasters and clothes " + "once a month in each district.", Theme.ENVIRONMENT,
				Reach.CITY);
		throughPilot(repairCafe, "dept-environment");
		approveAll(repairCafe);
		String wifi = submit("Free Wi-Fi in libraries",
				"Fast public Wi-Fi in every library branch, also for " + "homework clubs.", Theme.CULTURE, Reach.CITY);
		throughPilot(wifi, "dept-culture");
		approveAll(wifi);
		String session = String.valueOf(councilSessions.get(0).id());
		completeTask(wifi, "Task_PrepareAgendaItem",
				Map.of(DRAFT_ACT_TEXT,
						"The city offers free Wi-Fi in every "
								+ "library branch from the date of the implementing directive.",
						COMMITTEE, "SOCIAL_CULTURE", COUNCIL_SESSION_ID, session));
		completeTask(wifi, "Task_RecordCommitteeReview", Map.of(COMMITTEE_OPINION, "FAVOURABLE"));
		completeTask(wifi, "Task_RecordCouncilVote",
				Map.of(VOTES_FOR, 31, VOTES_AGAINST, 6, VOTES_ABSTAIN, 2, COUNCIL_VOTE, "ADOPTED"));
		loadServicesAfterAdoption();
		log.info("Demo data loaded: {} users with the password '{}', 10 ideas",
				USERS.size() + 3 * departments.all().size() + Groups.withLeads().size(), PASSWORD);
	}

	/**
	 * The mayor's route and a service's life: one small service waits for the mayor's
	 * decree; one adopted by decree went live and was improved after its first review;
	 * one went live and was retired.
	 */
	private void loadServicesAfterAdoption() {
		String fountains = submit("Drinking fountains in the parks",
				"Fountains with fresh water in every park of the district, for runners and families.",
				Theme.ENVIRONMENT, Reach.DISTRICT);
		throughPilot(fountains, "dept-environment", 6000);
		approveAll(fountains);

		String benches = submit("Benches at bus stops",
				"A bench at every bus stop of the old town, so that older people can wait sitting.", Theme.MOBILITY,
				Reach.DISTRICT);
		throughPilot(benches, "dept-mobility", 9000);
		approveAll(benches);
		signDecree(benches, "The city places a bench at every bus stop of the old town.");
		goLive(benches, "dept-mobility");
		reviewAfterLaunch(benches, Map.of(SUSTAINABILITY_DECISION, "IMPROVE", SUSTAINABILITY_NOTES,
				"Well used; people ask for shade at the busiest stops."));
		completeTask(benches, "Task_PlanImprovementSession",
				Map.of(SESSION_FORMAT, "WORKSHOP", SESSION_DATE, LocalDate.now().plusDays(7).toString(), SESSION_PLACE,
						"Old town community centre", SESSION_PARTICIPANTS, "Senior citizens' club, bus drivers"));
		completeTask(benches, "Task_RecordImprovement",
				Map.of(IMPROVEMENT_SUMMARY, "The ten busiest stops get a roof over the bench.", IMPROVEMENT_FUNDING,
						"NO_FUNDING", IMPROVEMENT_CHANGES_DIRECTIVE, "NO"));

		String swap = submit("Book swap boxes", "Weatherproof boxes in the squares where people leave and take books.",
				Theme.CULTURE, Reach.DISTRICT);
		throughPilot(swap, "dept-culture", 2000);
		approveAll(swap);
		signDecree(swap, "The city sets up book swap boxes in the squares of the district.");
		goLive(swap, "dept-culture");
		reviewAfterLaunch(swap,
				Map.of(SUSTAINABILITY_DECISION, "RETIRE", SUSTAINABILITY_NOTES,
						"The public library now runs book swaps in every branch.", PUBLIC_REASON,
						"The public library now offers book swaps in every branch, open all year."));
	}

	private void signDecree(String reference, String text) {
		completeTask(reference, "Task_SignMayoralDecree", Map.of(DECREE_TEXT, text, "decreeSigned", true));
	}

	/** Directives, announcement and each implementing department's launch: LIVE. */
	private void goLive(String reference, String department) {
		completeTask(reference, "Task_IssueDirectives",
				Map.of(DIRECTIVE_REFERENCE, "DIR-" + reference, RESPONSIBLE_DEPARTMENTS,
						JsonVariables.list(List.of(department)), DIRECTIVE_EFFECTIVE_DATE, LocalDate.now().toString(),
						AMENDED_PROCEDURE, "Standard procedures of the department"));
		completeTask(reference, "Task_AnnounceService", Map.of(ANNOUNCEMENT_TYPE, "PRESS_CONFERENCE", ANNOUNCEMENT_DATE,
				LocalDate.now().toString(), ANNOUNCEMENT_LINK, "https://city.example/news/" + reference));
		completeTask(reference, "Task_ConfirmLaunch", Map.of(SERVICE_PUBLIC_URL,
				"https://city.example/services/" + reference, SERVICE_START_DATE, LocalDate.now().toString()));
	}

	/**
	 * The sustainability review comes round now (in a real city after
	 * idea-to-service.deadlines.follow-up-after-launch).
	 */
	private void reviewAfterLaunch(String reference, Map<String, Object> review) {
		String launch = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("service-launch")
			.processInstanceBusinessKey(reference)
			.singleResult()
			.getId();
		Job followUp = managementService.createJobQuery()
			.processInstanceId(launch)
			.timers()
			.activityId("Event_FollowUpDue")
			.singleResult();
		managementService.executeJob(followUp.getId());
		runJobs(reference);
		completeTask(reference, "Task_ReviewSustainability", review);
	}

	/**
	 * Screening to the departmental approvals: funded, five datasets published,
	 * checkpoint passed, pilot run.
	 */
	private void throughPilot(String reference, String department) {
		// more than 50,000 euros a year: the council decides (adoption-route.dmn)
		throughPilot(reference, department, 60000);
	}

	private void throughPilot(String reference, String department, int yearlyRunningCost) {
		accept(reference, department);
		complete(reference, Map.of(SESSION_FORMAT, "LIVING_LAB", SESSION_DATE, LocalDate.now().toString(),
				SESSION_PLACE, "Innovation lab", SESSION_PARTICIPANTS, "Citizens and the department"));
		List<Map<String, Object>> datasets = List.of(dataset("Service points", department),
				dataset("Opening hours", department), dataset("Usage per month", department),
				dataset("Districts", "dept-urban-planning"), dataset("Public transport stops", "dept-mobility"));
		complete(reference,
				Variables.createVariables()
					.putValue(CODESIGN_OUTCOME, "VIABLE")
					.putValue(OBJECTIVES, "Used by 500 people a month after three months.")
					.putValue(MILESTONES,
							JsonVariables.list(List.of(milestone("Prototype running", LocalDate.now().plusDays(45)))))
					.putValue(DATASETS, JsonVariables.list(datasets))
					.putValue(FUNDING_SOURCE, "NEW_FUNDING")
					.putValue(ESTIMATED_BUDGET, 3000));
		completeTask(reference, "Task_ApproveAsInnovationOffice", Map.of(APPROVAL_DECISION, "APPROVE"));
		for (int i = 0; i < datasets.size(); i++) {
			completeTask(reference, "Task_AssessDataset", Map.of(DATASET_ASSESSMENT, "CAN_OPEN", CONTAINS_PERSONAL_DATA,
					"NO", CONTAINS_LOCATION_DATA, "NO", COMMERCIALLY_SENSITIVE, "NO", ALREADY_PUBLIC, "NO"));
			completeTask(reference, "Task_PublishDataset",
					Map.of(CATALOGUE_TITLE, datasets.get(i).get("title"), CATALOGUE_DESCRIPTION,
							"Opened for the idea " + reference, DATASET_LICENCE, "CC-BY-4.0", DATASET_FORMAT, "CSV",
							DATASET_URL, "https://data.city.example/dataset-" + i, UPDATE_FREQUENCY, "MONTHLY",
							DATASET_KEYWORDS, "open data, prototype", CONTACT_POINT, "opendata@city.example"));
		}
		completeTask(reference, "Task_ReviewCheckpoint", Map.of(CHECKPOINT_DECISION, "CONTINUE"));
		completeTask(reference, "Task_PlanPublicCommitment",
				Map.of("commitmentMoment", "PRESS_CONFERENCE", "commitmentDate",
						LocalDate.now().plusDays(10).toString(), "politicalSponsorName", "Mara Yilmaz",
						"politicalSponsorOffice", "Mayor", "commitmentPromise",
						"The City pilots the service for three months and decides on it by the " + "end of the year."));
		completeTask(reference, "Task_RecordPilotResults",
				Map.of("pilotResults", "520 users a month", "objectivesMet", "ALL", "pilotParticipants", 520));
		completeTask(reference, "Task_RecommendAdoption",
				Map.of(ADOPTION_RECOMMENDATION, "ADOPT", IMPLEMENTING_DEPARTMENTS,
						JsonVariables.list(List.of(department)), "yearlyRunningCost", yearlyRunningCost,
						"changesRegulation", "NO"));
	}

	private void approveAll(String reference) {
		for (Task task : taskService.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey("Task_ApproveService")
			.list()) {
			claimAsDemoUser(task);
			taskService.complete(task.getId(), Map.of(APPROVAL_DECISION, "APPROVE"));
			runJobs(reference);
		}
	}

	/**
	 * Completes the idea's open task of this kind (in the idea's process or one it
	 * called).
	 */
	private void completeTask(String reference, String taskDefinitionKey, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.taskDefinitionKey(taskDefinitionKey)
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("No task " + taskDefinitionKey + " for demo idea " + reference));
		claimAsDemoUser(task);
		taskService.complete(task.getId(), variables);
		runJobs(reference);
	}

	/**
	 * Runs the idea's asynchronous continuations now, so the next step finds its task
	 * (the job executor may too).
	 */
	private void runJobs(String reference) {
		for (int round = 0; round < 20; round++) {
			List<Job> jobs = runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(reference)
				.list()
				.stream()
				.flatMap(instance -> managementService.createJobQuery()
					.processInstanceId(instance.getId())
					.messages()
					.executable()
					.list()
					.stream())
				// e-mails are the job executor's: a demo without a mail catcher shows
				// their retries in Cockpit
				.filter(job -> !Notifications.PROCESS_KEY.equals(job.getProcessDefinitionKey()))
				.toList();
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				try {
					managementService.executeJob(job.getId());
				}
				catch (ProcessEngineException takenByTheJobExecutor) {
					// done by the job executor in the meantime
				}
			}
		}
	}

	/**
	 * The council meets today (for the demo's vote) and every four weeks; a committee in
	 * between.
	 */
	private List<CouncilSession> planSessions() {
		List<CouncilSession> planned = new ArrayList<>();
		for (int week = 0; week <= 8; week += 4) {
			CouncilSession session = sessionRepository.save(new CouncilSession(null, CouncilSession.COUNCIL,
					LocalDate.now().plusWeeks(week), 41, "City council"));
			sessionFilters.createFor(session);
			planned.add(session);
		}
		sessionRepository.save(new CouncilSession(null, CouncilSession.COMMITTEE, LocalDate.now().plusWeeks(2), 11,
				"Committee on Social Affairs and Culture"));
		return planned;
	}

	private String submit(String title, String description, Theme theme, Reach reach) {
		return submission
			// the demo citizen lets every idea appear on the portal's public board
			.submit(new IdeaService.NewIdea(title, description, theme, reach, Channel.PORTAL, "Demo Citizen",
					"citizen@example.org", null, "en", null, true, true))
			.idea()
			.reference();
	}

	private void accept(String reference, String department) {
		completeTask(reference, "Task_ScreenIdea", Map.of(SCREENING_DECISION, "ACCEPT", CATEGORY, "SOCIAL", PRIORITY,
				"HIGH", SPONSOR_DEPARTMENT, department));
		complete(reference, Map.of(CHAMPION, "champ", SPONSOR_DEPARTMENT, department));
	}

	private void complete(String reference, Map<String, Object> variables) {
		List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).list();
		Task task = tasks.stream()
			.filter(t -> t.getProcessDefinitionId().startsWith("idea-to-service:"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No task for demo idea " + reference));
		claimAsDemoUser(task);
		taskService.complete(task.getId(), variables);
	}

	/**
	 * As a person would: a demo user of the task's group claims it first, so that the
	 * idea's history says who decided (the staff page of an idea shows it).
	 */
	private void claimAsDemoUser(Task task) {
		if (task.getAssignee() != null) {
			return;
		}
		taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.findFirst()
			.flatMap(group -> USERS.stream()
				.filter(user -> user[3].equals(group))
				.map(user -> user[0])
				.findFirst()
				.or(() -> identityService.createUserQuery()
					.memberOfGroup(group)
					.orderByUserId()
					.asc()
					.listPage(0, 1)
					.stream()
					.map(org.camunda.bpm.engine.identity.User::getId)
					.findFirst()))
			.ifPresent(user -> taskService.setAssignee(task.getId(), user));
	}

	private static Map<String, Object> milestone(String title, LocalDate due) {
		Map<String, Object> milestone = new LinkedHashMap<>();
		milestone.put("title", title);
		milestone.put("dueDate", due.toString());
		return milestone;
	}

	private static Map<String, Object> partner(String organisation, String kind, String role, String contact,
			boolean publicListing) {
		Map<String, Object> partner = new LinkedHashMap<>();
		partner.put("organisation", organisation);
		partner.put("kind", kind);
		partner.put("role", role);
		partner.put("contactPerson", contact);
		partner.put("email", contact.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@partners.example");
		partner.put("publicListing", publicListing);
		return partner;
	}

	private static Map<String, Object> dataset(String title, String owner) {
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("title", title);
		dataset.put("ownerDepartment", owner);
		dataset.put("purpose", "Shown in the prototype's map and catalogue");
		return dataset;
	}

	static List<String> userIds() {
		List<String> ids = new ArrayList<>();
		USERS.forEach(user -> ids.add(user[0]));
		return ids;
	}

}
