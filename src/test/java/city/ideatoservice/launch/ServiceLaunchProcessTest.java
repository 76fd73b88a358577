package city.ideatoservice.launch;

import static city.ideatoservice.idea.PublicStatus.LIVE;
import static city.ideatoservice.idea.PublicStatus.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.mockito.process.CallActivityMockForSpringContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * service-launch on its own, started the way CallActivity_LaunchService of
 * idea-to-service starts it for an adopted idea: its sponsor and implementing departments
 * and the act. Each group submits its form through the form service as Tasklist does,
 * logged in: the mayor's office issues the directives, communications announces, each
 * implementing department confirms the launch, and every follow-up period the innovation
 * office reviews the service until it is retired. The improvement round
 * (service-improvement) is a mock here and tested on its own.
 */
@IdeaToServiceTest
@MockedProcesses(ProcessKeys.SERVICE_IMPROVEMENT)
class ServiceLaunchProcessTest {

	// days relative to today: the forms refuse past days where a future one is meant
	static final String DIRECTIVE_DAY = LocalDate.now().plusDays(30).toString();

	static final String ANNOUNCEMENT_DAY = LocalDate.now().plusDays(31).toString();

	static final String START_DAY = LocalDate.now().plusDays(34).toString();

	static final String LATE_DIRECTIVE_DAY = LocalDate.now().plusDays(90).toString();

	static final String EARLY_START_DAY = LocalDate.now().plusDays(60).toString();

	static final String DIRECTIVES = "Task_IssueDirectives";

	static final String ANNOUNCE = "Task_AnnounceService";

	static final String LAUNCH = "Task_ConfirmLaunch";

	static final String REVIEW = "Task_ReviewSustainability";

	static final String FOLLOW_UP = "Event_FollowUpDue";

	static final String MAYORS_OFFICE = "mayor-launch";

	static final String COMMUNICATIONS = "press-launch";

	static final String DEPARTMENT = "officer-mobility-launch";

	static final String INNOVATION_OFFICER = "officer-launch";

	static final String PLANNING = "officer-planning-launch";

	static final String IMPROVE = "CallActivity_ImproveService";

	/** The variables the mocked improvement rounds were called with, in order. */
	static final List<Map<String, Object>> IMPROVEMENT_CALLS = new CopyOnWriteArrayList<>();

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaService ideas;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(MAYORS_OFFICE, "mayors-office");
		support.ensureUser(COMMUNICATIONS, "communications");
		support.ensureUser(DEPARTMENT, "dept-mobility");
		support.ensureUser(INNOVATION_OFFICER, "innovation-office");
		support.ensureUser(PLANNING, "dept-urban-planning");
		IMPROVEMENT_CALLS.clear();
		new CallActivityMockForSpringContext(ProcessKeys.SERVICE_IMPROVEMENT, context)
			.onExecutionDo(execution -> IMPROVEMENT_CALLS.add(new HashMap<>(execution.getVariables())))
			.deploy(engine);
	}

	/**
	 * The variables CallActivity_LaunchService passes in (camunda:in), for an idea
	 * registered as the portal does.
	 */
	ProcessInstance launchAdoptedService() {
		String reference = support.registerIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes");
		in.put("ideaDescription", "A description of Bike lanes");
		in.put("ideaTheme", "MOBILITY");
		in.put("ideaReach", "CITY");
		in.put("sponsorDepartment", "dept-mobility");
		in.put("actNumber", "2026/117");
		in.put("actDate", "2026-11-20");
		in.put("champion", ProcessTestSupport.CHAMPION);
		in.put("implementingDepartments", JsonVariables.list(List.of("dept-mobility")));
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.SERVICE_LAUNCH, reference, in);
	}

	/** Adopted to be run by two departments, as "Recommend adoption" names them. */
	ProcessInstance launchServiceOfTwoDepartments() {
		ProcessInstance instance = launchAdoptedService();
		engine.getRuntimeService()
			.setVariable(instance.getId(), "implementingDepartments",
					JsonVariables.list(List.of("dept-mobility", "dept-urban-planning")));
		return instance;
	}

	Task task(ProcessInstance instance, String taskDefinitionKey) {
		Task task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		assertThat(task).as("open task %s", taskDefinitionKey).isNotNull();
		return task;
	}

	List<String> candidateGroups(Task task) {
		return engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.toList();
	}

	void complete(ProcessInstance instance, String taskDefinitionKey, String user, Map<String, Object> form) {
		support.submitAs(user, task(instance, taskDefinitionKey).getId(), form);
		support.runJobs(instance);
	}

	/** The open launch task of one department (one per implementing department). */
	Task launchTask(ProcessInstance instance, String department) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(LAUNCH)
			.taskCandidateGroup(department)
			.singleResult();
	}

	void confirmLaunch(ProcessInstance instance, String user, String department) {
		support.submitAs(user, launchTask(instance, department).getId(),
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", START_DAY));
		support.runJobs(instance);
	}

	void issueDirectives(ProcessInstance instance, String effectiveDate) {
		complete(instance, DIRECTIVES, MAYORS_OFFICE,
				Map.of("directiveReference", "DIR-2026-12", "responsibleDepartments",
						JsonVariables.list(List.of("dept-mobility")), "directiveEffectiveDate", effectiveDate,
						"amendedProcedure", "Road maintenance procedure"));
	}

	void goLive(ProcessInstance instance) {
		issueDirectives(instance, DIRECTIVE_DAY);
		complete(instance, ANNOUNCE, COMMUNICATIONS, Map.of("announcementType", "PRESS_CONFERENCE", "announcementDate",
				ANNOUNCEMENT_DAY, "announcementLink", "https://city.example/press/bike-lanes"));
		confirmLaunch(instance, DEPARTMENT, "dept-mobility");
	}

	Job followUpTimer(ProcessInstance instance) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.activityId(FOLLOW_UP)
			.singleResult();
	}

	/**
	 * Live, six months on: the sustainability review, decided by the innovation office.
	 */
	void review(ProcessInstance instance, String decision, String notes) {
		goLive(instance);
		reviewAgain(instance, decision, notes);
	}

	/** The next review, a follow-up period after the last one. */
	void reviewAgain(ProcessInstance instance, String decision, String notes) {
		support.runTimer(followUpTimer(instance));
		Map<String, Object> form = new HashMap<>(
				Map.of("sustainabilityDecision", decision, "sustainabilityNotes", notes));
		if ("RETIRE".equals(decision)) {
			form.put("publicReason", "The regional network now runs the same service.");
		}
		complete(instance, REVIEW, INNOVATION_OFFICER, form);
	}

	// ---- going official and live

	@Test
	void anAdoptedServiceGoesLiveAfterDirectivesAnnouncementAndLaunch() {
		ProcessInstance instance = launchAdoptedService();
		assertThat(candidateGroups(task(instance, DIRECTIVES))).containsExactly("mayors-office");

		issueDirectives(instance, DIRECTIVE_DAY);
		assertThat(instance).isWaitingAt(ANNOUNCE, LAUNCH);
		assertThat(candidateGroups(task(instance, ANNOUNCE))).containsExactly("communications");
		assertThat(candidateGroups(task(instance, LAUNCH))).containsExactly("dept-mobility");
		complete(instance, ANNOUNCE, COMMUNICATIONS, Map.of("announcementType", "PRESS_CONFERENCE", "announcementDate",
				ANNOUNCEMENT_DAY, "announcementLink", "https://city.example/press/bike-lanes"));
		confirmLaunch(instance, DEPARTMENT, "dept-mobility");

		assertThat(instance).isWaitingAt(FOLLOW_UP).hasPassed("Event_ServiceLive", "Gateway_LaunchJoin");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
		// idea-to-service.deadlines.follow-up-after-launch, six months
		assertThat(followUpTimer(instance).getDuedate().toInstant())
			.isCloseTo(ZonedDateTime.now().plusMonths(6).toInstant(), within(Duration.ofDays(1)));
	}

	@Test
	void aLaunchBeforeTheDirectiveTakesEffectIsRefused() {
		ProcessInstance instance = launchAdoptedService();
		issueDirectives(instance, LATE_DIRECTIVE_DAY);

		assertThatThrownBy(() -> support.submitAs(DEPARTMENT, launchTask(instance, "dept-mobility").getId(),
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", EARLY_START_DAY)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("takes effect on " + LATE_DIRECTIVE_DAY);
		assertThat(instance).isWaitingAt(ANNOUNCE, LAUNCH);
		assertThat(support.statusHistory(instance.getBusinessKey())).doesNotContain(LIVE);
	}

	@Test
	void aDirectiveTakesEffectOnOrAfterTheDayTheActWasAdopted() {
		ProcessInstance instance = launchAdoptedService();
		// the facts the mayor's office decides on: the act and its day
		assertThat(
				(String) engine.getTaskService().getVariableLocal(task(instance, DIRECTIVES).getId(), "decisionFacts"))
			.contains("- Act: 2026/117")
			.contains("- Adopted on: 20.11.2026");
		java.time.LocalDate adopted = java.time.LocalDate.now().minusDays(3);
		engine.getRuntimeService().setVariable(instance.getId(), "actDate", adopted.toString());
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

		assertThatThrownBy(() -> issueDirectives(instance, day.format(adopted.minusDays(1))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Effective date: the directive cannot take effect on " + day.format(adopted.minusDays(1))
					+ ", before the act was adopted on " + day.format(adopted) + "; give " + day.format(adopted)
					+ " or a later day.");
		assertThat(instance).isWaitingAt(DIRECTIVES);

		issueDirectives(instance, day.format(adopted));
		assertThat(instance).isWaitingAt(ANNOUNCE, LAUNCH);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "directiveEffectiveDate"))
			.isEqualTo(adopted.toString());
	}

	// ---- the sustainability review

	@Test
	void theSustainabilityReviewIsForTheInnovationOfficeAndTheSponsorDepartment() {
		ProcessInstance instance = launchAdoptedService();
		goLive(instance);

		engine.getManagementService().executeJob(followUpTimer(instance).getId());

		assertThat(instance).isWaitingAt(REVIEW);
		assertThat(candidateGroups(task(instance, REVIEW))).containsExactlyInAnyOrder("innovation-office",
				"dept-mobility");
	}

	@Test
	void everyImplementingDepartmentConfirmsTheLaunchBeforeTheServiceIsLive() {
		ProcessInstance instance = launchServiceOfTwoDepartments();
		issueDirectives(instance, DIRECTIVE_DAY);
		complete(instance, ANNOUNCE, COMMUNICATIONS, Map.of("announcementType", "PRESS_CONFERENCE", "announcementDate",
				ANNOUNCEMENT_DAY, "announcementLink", "https://city.example/news/bike-lanes"));
		assertThat(support.tasks(instance.getBusinessKey(), LAUNCH)).hasSize(2)
			.extracting(task -> candidateGroups(task))
			.containsExactlyInAnyOrder(List.of("dept-mobility"), List.of("dept-urban-planning"));

		confirmLaunch(instance, DEPARTMENT, "dept-mobility");
		assertThat(instance).isWaitingAt(LAUNCH).hasNotPassed("Event_ServiceLive");
		assertThat(support.status(instance.getBusinessKey())).isNotEqualTo(LIVE);
		assertThatThrownBy(() -> support.submitAs(DEPARTMENT, launchTask(instance, "dept-urban-planning").getId(),
				Map.of("servicePublicUrl", "https://city.example/x", "serviceStartDate", START_DAY)))
			.as("a department confirms only its own launch")
			.isInstanceOf(AuthorizationException.class);

		confirmLaunch(instance, PLANNING, "dept-urban-planning");
		assertThat(instance).isWaitingAt(FOLLOW_UP).hasPassed("Event_ServiceLive");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
	}

	@Test
	void aKeptServiceIsReviewedAgainEveryFollowUpPeriodUntilItIsRetired() {
		ProcessInstance instance = launchAdoptedService();
		review(instance, "KEEP", "Used daily");

		assertThat(instance).isWaitingAt(FOLLOW_UP).hasPassed(REVIEW);
		assertThat(followUpTimer(instance).getDuedate().toInstant())
			.isCloseTo(ZonedDateTime.now().plusMonths(6).toInstant(), within(Duration.ofDays(1)));
		reviewAgain(instance, "KEEP", "Still used daily");
		assertThat(instance).isWaitingAt(FOLLOW_UP);
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(REVIEW)
			.count()).isEqualTo(2);

		reviewAgain(instance, "RETIRE", "Replaced by the regional network");
		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceRetired");
	}

	@Test
	void eachReviewDecidesAfreshWithoutTheLastDecisionOffered() {
		ProcessInstance instance = launchAdoptedService();
		review(instance, "KEEP", "Used daily");
		support.runTimer(followUpTimer(instance));

		Map<String, Object> offered = engine.getTaskService().getVariables(task(instance, REVIEW).getId());
		assertThat(offered.get("sustainabilityDecision")).isNull();
		assertThat(offered.get("sustainabilityNotes")).isNull();
	}

	@Test
	void retiringTheServiceEndsItRetiredWithTheReasonTheCitizenReads() {
		ProcessInstance instance = launchAdoptedService();

		review(instance, "RETIRE", "Replaced by the regional network");

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceRetired");
		assertThat(support.statusHistory(instance.getBusinessKey())).endsWith(LIVE, RETIRED);
		assertThat(support.lastReason(instance.getBusinessKey()))
			.isEqualTo("The regional network now runs the same service.");
	}

	@Test
	void retiringWithoutAReasonForTheCitizenIsRefused() {
		ProcessInstance instance = launchAdoptedService();
		goLive(instance);
		support.runTimer(followUpTimer(instance));

		assertThatThrownBy(() -> complete(instance, REVIEW, INNOVATION_OFFICER,
				Map.of("sustainabilityDecision", "RETIRE", "sustainabilityNotes", "Too expensive")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Why the service ends");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
	}

	@Test
	void anImprovementRoundKeepsTheServiceLiveAndTheReviewsGoOn() {
		ProcessInstance instance = launchAdoptedService();

		review(instance, "IMPROVE", "Extend to the east side");

		assertThat(IMPROVEMENT_CALLS).hasSize(1);
		assertThat(IMPROVEMENT_CALLS.get(0)).containsEntry("improvementRound", 1)
			.containsEntry("improvementBrief", "Extend to the east side")
			.containsEntry("champion", ProcessTestSupport.CHAMPION)
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("actNumber", "2026/117")
			.containsEntry("ideaReference", instance.getBusinessKey());
		assertThat(instance).isWaitingAt(FOLLOW_UP).hasPassed(IMPROVE);
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);

		reviewAgain(instance, "IMPROVE", "Also at night");
		assertThat(IMPROVEMENT_CALLS).hasSize(2);
		assertThat(IMPROVEMENT_CALLS.get(1)).containsEntry("improvementRound", 2)
			.containsEntry("improvementBrief", "Also at night");
		assertThat(support.statusHistory(instance.getBusinessKey())).endsWith(LIVE).doesNotContain(RETIRED);
	}

	@Test
	void aLiveServiceCannotBeWithdrawnOrUnAdopted() {
		ProcessInstance instance = launchAdoptedService();
		review(instance, "IMPROVE", "Extend to the east side");
		String reference = instance.getBusinessKey();

		assertThatThrownBy(() -> support.runtime()
			.createMessageCorrelation("IdeaWithdrawalRequested")
			.processInstanceBusinessKey(reference)
			.correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThatThrownBy(() -> ideas.changeStatus(reference, PublicStatus.NOT_ADOPTED, "by mistake"))
			.hasMessageContaining("never goes back");
		assertThatThrownBy(() -> ideas.changeStatus(reference, PublicStatus.CO_DESIGN, null))
			.hasMessageContaining("never goes back");
		assertThat(support.status(reference)).isEqualTo(LIVE);
	}

	// ---- deadlines

	@Test
	void anOverdueDepartmentTaskEscalatesToTheDepartmentsHeads() {
		ProcessInstance instance = launchAdoptedService();
		issueDirectives(instance, DIRECTIVE_DAY);
		Task launch = task(instance, LAUNCH);
		Job escalation = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.activityId(LAUNCH)
			.orderByJobDuedate()
			.desc()
			.list()
			.get(0);
		assertThat(launch.getDueDate().toInstant()).isAfter(Instant.now());

		engine.getManagementService().executeJob(escalation.getId());

		assertThat(candidateGroups(task(instance, LAUNCH))).containsExactlyInAnyOrder("dept-mobility",
				"heads-mobility");
	}

	@Test
	void anOverdueTaskOfACityWideGroupEscalatesToItsLeadsNotToTheGroup() {
		ProcessInstance instance = launchAdoptedService();
		Job escalation = support.timers(instance, DIRECTIVES).get(2);

		support.runTimer(escalation);

		Task directives = task(instance, DIRECTIVES);
		assertThat(candidateGroups(directives)).containsExactlyInAnyOrder("mayors-office", "mayors-office-leads");
		assertThat(directives.getPriority()).isEqualTo(100);
	}

}
