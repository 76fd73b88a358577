package city.ideatoservice.launch;

import static city.ideatoservice.idea.PublicStatus.LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * service-launch on its own, started the way CallActivity_LaunchService of
 * idea-to-service starts it for an adopted idea: its sponsor department and the council's
 * act. Each group submits its form through the form service as Tasklist does, logged in:
 * the mayor's office issues the directives, communications announces, the sponsor
 * department launches, and after the follow-up timer the innovation office reviews the
 * service.
 */
@IdeaToServiceTest
class ServiceLaunchProcessTest {

	static final String DIRECTIVES = "Task_IssueDirectives";

	static final String ANNOUNCE = "Task_AnnounceService";

	static final String LAUNCH = "Task_ConfirmLaunch";

	static final String REVIEW = "Task_ReviewSustainability";

	static final String FOLLOW_UP = "Event_FollowUpDue";

	static final String MAYORS_OFFICE = "mayor-launch";

	static final String COMMUNICATIONS = "press-launch";

	static final String DEPARTMENT = "officer-mobility-launch";

	static final String INNOVATION_OFFICER = "officer-launch";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(MAYORS_OFFICE, "mayors-office");
		support.ensureUser(COMMUNICATIONS, "communications");
		support.ensureUser(DEPARTMENT, "dept-mobility");
		support.ensureUser(INNOVATION_OFFICER, "innovation-office");
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
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.SERVICE_LAUNCH, reference, in);
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

	void issueDirectives(ProcessInstance instance, String effectiveDate) {
		complete(instance, DIRECTIVES, MAYORS_OFFICE,
				Map.of("directiveReference", "DIR-2026-12", "responsibleDepartments",
						JsonVariables.list(List.of("dept-mobility")), "directiveEffectiveDate", effectiveDate,
						"amendedProcedure", "Road maintenance procedure"));
	}

	void goLive(ProcessInstance instance) {
		issueDirectives(instance, "2027-01-01");
		complete(instance, ANNOUNCE, COMMUNICATIONS, Map.of("announcementType", "PRESS_CONFERENCE", "announcementDate",
				"2027-01-02", "announcementLink", "https://city.example/press/bike-lanes"));
		complete(instance, LAUNCH, DEPARTMENT,
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", "2027-01-05"));
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
		engine.getManagementService().executeJob(followUpTimer(instance).getId());
		complete(instance, REVIEW, INNOVATION_OFFICER,
				Map.of("sustainabilityDecision", decision, "sustainabilityNotes", notes));
	}

	/**
	 * What CallActivity_LaunchService gets back (camunda:out): the variables of the ended
	 * instance.
	 */
	Map<String, Object> outputs(ProcessInstance instance) {
		Map<String, Object> values = new HashMap<>();
		for (HistoricVariableInstance variable : engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()) {
			if (instance.getId().equals(variable.getActivityInstanceId())) {
				values.put(variable.getName(), variable.getValue());
			}
		}
		return values;
	}

	// ---- going official and live

	@Test
	void anAdoptedServiceGoesLiveAfterDirectivesAnnouncementAndLaunch() {
		ProcessInstance instance = launchAdoptedService();
		assertThat(candidateGroups(task(instance, DIRECTIVES))).containsExactly("mayors-office");

		issueDirectives(instance, "2027-01-01");
		assertThat(instance).isWaitingAt(ANNOUNCE, LAUNCH);
		assertThat(candidateGroups(task(instance, ANNOUNCE))).containsExactly("communications");
		assertThat(candidateGroups(task(instance, LAUNCH))).containsExactly("dept-mobility");
		complete(instance, ANNOUNCE, COMMUNICATIONS, Map.of("announcementType", "PRESS_CONFERENCE", "announcementDate",
				"2027-01-02", "announcementLink", "https://city.example/press/bike-lanes"));
		complete(instance, LAUNCH, DEPARTMENT,
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", "2027-01-05"));

		assertThat(instance).isWaitingAt(FOLLOW_UP).hasPassed("Event_ServiceLive", "Gateway_LaunchJoin");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
		// idea-to-service.deadlines.follow-up-after-launch, six months
		assertThat(followUpTimer(instance).getDuedate().toInstant())
			.isCloseTo(ZonedDateTime.now().plusMonths(6).toInstant(), within(Duration.ofDays(1)));
	}

	@Test
	void aLaunchBeforeTheDirectiveTakesEffectIsRefused() {
		ProcessInstance instance = launchAdoptedService();
		issueDirectives(instance, "2027-03-01");

		assertThatThrownBy(() -> complete(instance, LAUNCH, DEPARTMENT,
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", "2027-02-01")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("takes effect on 2027-03-01");
		assertThat(instance).isWaitingAt(ANNOUNCE, LAUNCH);
		assertThat(support.statusHistory(instance.getBusinessKey())).doesNotContain(LIVE);
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
	void theReviewCanKeepTheService() {
		ProcessInstance instance = launchAdoptedService();

		review(instance, "KEEP", "Used daily");

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceKept");
		assertThat(outputs(instance)).containsEntry("sustainabilityDecision", "KEEP");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
	}

	@Test
	void theReviewCanRetireTheServiceWithAPublicNote() {
		ProcessInstance instance = launchAdoptedService();

		review(instance, "RETIRE", "Replaced by the regional network");

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceRetired");
		assertThat(outputs(instance)).containsEntry("sustainabilityDecision", "RETIRE");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
		assertThat(support.lastReason(instance.getBusinessKey())).contains("retired");
	}

	@Test
	void theReviewCanAskForAnImprovementRound() {
		ProcessInstance instance = launchAdoptedService();

		review(instance, "IMPROVE", "Extend to the east side");

		assertThat(instance).isEnded().hasPassed("EndEvent_ImprovementRequested");
		assertThat(outputs(instance)).containsEntry("sustainabilityDecision", "IMPROVE");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
	}

	// ---- deadlines

	@Test
	void anOverdueDepartmentTaskEscalatesToTheDepartmentsHeads() {
		ProcessInstance instance = launchAdoptedService();
		issueDirectives(instance, "2027-01-01");
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

}
