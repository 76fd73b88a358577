package city.ideatoservice.idea;

import static city.ideatoservice.idea.PublicStatus.ADOPTED;
import static city.ideatoservice.idea.PublicStatus.COUNCIL;
import static city.ideatoservice.idea.PublicStatus.CO_DESIGN;
import static city.ideatoservice.idea.PublicStatus.NOT_ADOPTED;
import static city.ideatoservice.idea.PublicStatus.PILOT;
import static city.ideatoservice.idea.PublicStatus.PROTOTYPING;
import static city.ideatoservice.idea.PublicStatus.SUBMITTED;
import static city.ideatoservice.idea.PublicStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.approval.ApprovalDecision;
import city.ideatoservice.council.OfficialAct;
import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.mockito.process.CallActivityMock;
import org.camunda.community.mockito.process.CallActivityMockForSpringContext;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The main process, path by path: submission, champion, co-design, pilot and
 * recommendation, the two routes to official (council vote or mayor's decree), and how
 * the idea goes on after each stage it calls. The called models (idea-screening,
 * prototype, service-approval, council-adoption, service-launch) are replaced by mocks
 * that answer what the test needs and keep the variables they were called with; each is
 * tested on its own in its feature's package. A few tests deploy the real prototype to
 * show that its BPMN errors reach the boundary events of "Build prototype". Real
 * delegates and database; the job executor is off.
 */
@IdeaToServiceTest
@MockedProcesses({ ProcessKeys.IDEA_SCREENING, ProcessKeys.PROTOTYPE, ProcessKeys.SERVICE_APPROVAL,
		ProcessKeys.COUNCIL_ADOPTION, ProcessKeys.SERVICE_LAUNCH, ProcessKeys.FUNDING_REQUEST,
		ProcessKeys.DATA_OPENING })
class IdeaToServiceProcessTest {

	// milestones are due in the future (the form refuses a past day)
	static final String MILESTONE_DAY = java.time.LocalDate.now().plusDays(60).toString();

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	OfficialActRepository register;

	@Autowired
	city.ideatoservice.idea.IdeaRepository ideas;

	@Autowired
	city.ideatoservice.approval.ApprovalDecisionRepository approvals;

	/** The variables each mocked model was last called with, by process key. */
	static final Map<String, Map<String, Object>> CALLED_WITH = new ConcurrentHashMap<>();

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		CALLED_WITH.clear();
		support.ensureUser(ProcessTestSupport.CHAMPION, "innovation-office");
		screeningDecides("ACCEPT");
		prototypeIsReady();
		approvalEndsWith("APPROVED", null);
		councilDecides("ADOPTED", null);
		serviceLivesUntilRetired();
	}

	// ---- the called models, mocked

	CallActivityMock mock(String processKey, Consumer<DelegateExecution> behaviour) {
		return new CallActivityMockForSpringContext(processKey, context).onExecutionDo(execution -> {
			CALLED_WITH.put(processKey, new HashMap<>(execution.getVariables()));
			behaviour.accept(execution);
		});
	}

	Map<String, Object> calledWith(String processKey) {
		assertThat(CALLED_WITH).as("models called").containsKey(processKey);
		return CALLED_WITH.get(processKey);
	}

	void screeningDecides(String decision) {
		mock(ProcessKeys.IDEA_SCREENING, execution -> {
			execution.setVariable("screeningDecision", decision);
			execution.setVariable("category", "MOBILITY");
			execution.setVariable("priority", "HIGH");
			execution.setVariable("sponsorDepartment", "dept-mobility");
		}).deploy(engine);
	}

	void prototypeIsReady() {
		mock(ProcessKeys.PROTOTYPE, execution -> {
			execution.setVariable("fundingOutcome", "APPROVED");
			execution.setVariable("approvedAmountCents", 450050L);
			execution.setVariable("publishedDatasetCount", 5);
			execution.setVariable("publishingDepartmentCount", 2);
			execution.setVariable("openDataThresholdMet", true);
		}).deploy(engine);
	}

	/**
	 * The prototype ends with this BPMN error, having set the variable the idea's end
	 * event reads.
	 */
	void prototypeThrows(String errorCode, String variable, String value) {
		mock(ProcessKeys.PROTOTYPE, execution -> execution.setVariable(variable, value))
			.onExecutionThrowError(errorCode)
			.deploy(engine);
	}

	void prototypeWaits() {
		mock(ProcessKeys.PROTOTYPE, execution -> {
		}).onExecutionWaitForMessage("PrototypeTestDone").deploy(engine);
	}

	void approvalEndsWith(String outcome, String publicReason) {
		mock(ProcessKeys.SERVICE_APPROVAL, execution -> {
			execution.setVariable("approvalOutcome", outcome);
			execution.setVariable("approvalRound", 2);
			execution.setVariable("publicReason", publicReason);
		}).deploy(engine);
	}

	void councilDecides(String decision, String reason) {
		mock(ProcessKeys.COUNCIL_ADOPTION, execution -> {
			execution.setVariable("councilDecision", decision);
			execution.setVariable("actNumber", "ADOPTED".equals(decision) ? "2026/117" : null);
			execution.setVariable("actDate", "ADOPTED".equals(decision) ? "2026-11-20" : null);
			execution.setVariable("councilReason", reason);
		}).deploy(engine);
	}

	/** The launch and the service's life after it end when the service is retired. */
	void serviceLivesUntilRetired() {
		mock(ProcessKeys.SERVICE_LAUNCH, execution -> {
		}).deploy(engine);
	}

	void launchWaits() {
		mock(ProcessKeys.SERVICE_LAUNCH, execution -> {
		}).onExecutionWaitForMessage("LaunchTestDone").deploy(engine);
	}

	// ---- the idea's steps in this model, as the people in them complete their forms

	String submit() {
		return support.submitIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
	}

	void assignChampion(String ref) {
		support.complete(ref, "Task_AssignChampion",
				Map.of("champion", ProcessTestSupport.CHAMPION, "sponsorDepartment", "dept-mobility"));
	}

	void planSession(String ref) {
		support.complete(ref, "Task_PlanCodesignSession",
				Map.of("sessionFormat", "WORKSHOP", "sessionDate", LocalDate.now().plusDays(7).toString(),
						"sessionPlace", "City hall", "sessionParticipants", "Cyclists, mobility department"));
	}

	static Map<String, Object> item(String... keyValues) {
		Map<String, Object> item = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			item.put(keyValues[i], keyValues[i + 1]);
		}
		return item;
	}

	/**
	 * Five datasets from two departments: enough for the pilot when all are published.
	 */
	static List<Map<String, Object>> fiveDatasets() {
		List<Map<String, Object>> datasets = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			datasets.add(item("title", "Traffic counts " + i, "ownerDepartment", "dept-mobility", "purpose", "Map"));
		}
		for (int i = 1; i <= 2; i++) {
			datasets.add(item("title", "Air quality " + i, "ownerDepartment", "dept-environment", "purpose", "Map"));
		}
		return datasets;
	}

	void recordViableOutcome(String ref) {
		// the way Tasklist sends a dynamic list: a Json variable
		support.complete(ref, "Task_RecordCodesignOutcome",
				Map.of("codesignOutcome", "VIABLE", "objectives", "Safer cycling to school", "milestones",
						JsonVariables.list(List.of(item("title", "Prototype on one street", "dueDate", MILESTONE_DAY))),
						"datasets", JsonVariables.list(fiveDatasets()), "fundingSource", "NEW_FUNDING",
						"estimatedBudget", 4500.5));
	}

	/**
	 * Screened (by the mock), champion assigned, co-design session held, viable outcome:
	 * the prototype is called.
	 */
	void reachPrototype(String ref) {
		assignChampion(ref);
		planSession(ref);
		recordViableOutcome(ref);
	}

	/**
	 * Recommended with running costs the council decides on (adoption-route: more than
	 * 50,000 euros a year).
	 */
	void recordPilotAndRecommend(String ref) {
		recordPilotAndRecommend(ref, 60000, "NO");
	}

	void recordPilotAndRecommend(String ref, Object yearlyRunningCost, String changesRegulation) {
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "300 pupils cycled", "objectivesMet", "ALL", "pilotParticipants", 300));
		support.complete(ref, "Task_RecommendAdoption",
				Map.of("adoptionRecommendation", "ADOPT", "implementingDepartments",
						JsonVariables.list(List.of("dept-mobility", "dept-urban-planning")), "yearlyRunningCost",
						yearlyRunningCost, "changesRegulation", changesRegulation));
	}

	/**
	 * Through the pilot and the recommendation: approvals, council and launch are called
	 * in turn.
	 */
	void reachApprovals(String ref) {
		reachPrototype(ref);
		recordPilotAndRecommend(ref);
	}

	/** The activities the idea's main process instance passed, in order. */
	List<String> passed(String ref) {
		return engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey(ProcessKeys.IDEA_TO_SERVICE)
				.processInstanceBusinessKey(ref)
				.singleResult()
				.getId())
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	long calls(String ref, String processKey) {
		return engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(ref)
			.count();
	}

	// ---- submission and screening

	@Test
	void aSubmittedIdeaIsScreenedWithWhatTheScreenerNeedsAndGetsAChampion() {
		String ref = submit();

		assertThat(calledWith(ProcessKeys.IDEA_SCREENING)).containsEntry("ideaReference", ref)
			.containsEntry("ideaTitle", "Bike lanes")
			.containsEntry("ideaDescription", "A description of Bike lanes")
			.containsEntry("ideaTheme", "MOBILITY")
			.containsEntry("ideaReach", "CITY");
		assertThat(support.instance(ref)).isWaitingAt("Task_AssignChampion")
			.hasPassedInOrder("Task_RegisterIdea", "CallActivity_ScreenIdea");
		assertThat(support.instance(ref)).variables()
			.containsEntry("category", "MOBILITY")
			.containsEntry("priority", "HIGH")
			.containsEntry("sponsorDepartment", "dept-mobility");
		Task task = support.task(ref, "Task_AssignChampion");
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("innovation-office");
	}

	@Test
	void anIdeaTheScreeningDoesNotAcceptEndsThere() {
		screeningDecides("REJECT");

		String ref = submit();

		assertThat(support.instance(ref)).isNull();
		assertThat(passed(ref)).contains("EndEvent_IdeaNotAccepted", "EndEvent_IdeaClosed")
			.doesNotContain("Task_AssignChampion");
		assertThat(support.openTasks(ref)).isEmpty();
	}

	// ---- champion and co-design

	@Test
	void theChampionIsPickedByNameFromWhoMayChampion() {
		support.ensureUser("finance-only", "finance");
		support.ensureUser("rosa", "dept-mobility");
		engine.getIdentityService()
			.saveUser(named(engine.getIdentityService().createUserQuery().userId("rosa").singleResult()));
		String ref = submit();

		Task task = support.task(ref, "Task_AssignChampion");
		org.camunda.spin.json.SpinJsonNode offered = (org.camunda.spin.json.SpinJsonNode) engine.getTaskService()
			.getVariableLocal(task.getId(), "championOptions");
		assertThat(offered.elements()).extracting(option -> option.prop("label").stringValue())
			.contains("Rosa Rossi (Mobility)");
		assertThat(offered.elements()).extracting(option -> option.prop("value").stringValue())
			.contains("rosa", ProcessTestSupport.CHAMPION)
			.doesNotContain("finance-only");

		for (String notOffered : List.of("nobody", "finance-only")) {
			assertThatThrownBy(() -> support.complete(ref, "Task_AssignChampion",
					Map.of("champion", notOffered, "sponsorDepartment", "dept-mobility")))
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessageContaining("Champion");
		}
		support.complete(ref, "Task_AssignChampion", Map.of("champion", "rosa", "sponsorDepartment", "dept-mobility"));
		assertThat(support.task(ref, "Task_PlanCodesignSession").getAssignee()).isEqualTo("rosa");
	}

	private static org.camunda.bpm.engine.identity.User named(org.camunda.bpm.engine.identity.User user) {
		user.setFirstName("Rosa");
		user.setLastName("Rossi");
		return user;
	}

	@Test
	void noViableSolutionEndsTheIdeaNotAdoptedWithTheExplanation() {
		String ref = submit();
		assignChampion(ref);
		assertThat(support.task(ref, "Task_PlanCodesignSession").getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		planSession(ref);

		support.complete(ref, "Task_RecordCodesignOutcome",
				Map.of("codesignOutcome", "NO_VIABLE_SOLUTION", "publicReason", "No partner could run it."));

		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, CO_DESIGN, NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("No partner could run it.");
		assertThat(support.instance(ref)).isNull();
	}

	// ---- prototype

	@Test
	void thePrototypeGetsTheBudgetInWholeEuroCentsWithMilestonesAndDatasetsThenThePilotStarts() {
		String ref = submit();
		reachPrototype(ref);

		assertThat(calledWith(ProcessKeys.PROTOTYPE)).containsEntry("ideaReference", ref)
			.containsEntry("requestedAmountCents", 450050L)
			.containsEntry("champion", ProcessTestSupport.CHAMPION)
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("objectives", "Safer cycling to school")
			.containsKeys("fundedInitiative", "ideaDescription", "ideaTheme", "ideaReach");
		assertThat(((SpinJsonNode) calledWith(ProcessKeys.PROTOTYPE).get("datasets")).elements()).hasSize(5);
		assertThat(((SpinJsonNode) calledWith(ProcessKeys.PROTOTYPE).get("milestones")).elements()).hasSize(1);
		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");
		assertThat(support.task(ref, "Task_RecordPilotResults").getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		assertThat(support.instance(ref)).variables()
			.containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 450050L)
			.containsEntry("publishedDatasetCount", 5)
			.containsEntry("openDataThresholdMet", true);
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, CO_DESIGN, PROTOTYPING, PILOT);
	}

	@Test
	void aPrototypeThatChangesDirectionGoesBackToCoDesign() {
		prototypeThrows("DIRECTION_CHANGED", "checkpointNotes", "Cyclists want a different street");
		String ref = submit();
		reachPrototype(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_PlanCodesignSession");
		assertThat(support.task(ref, "Task_PlanCodesignSession").getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, CO_DESIGN, PROTOTYPING, CO_DESIGN);
	}

	@Test
	void aStoppedPrototypeEndsTheIdeaNotAdoptedWithThePublicReason() {
		prototypeThrows("PROTOTYPE_STOPPED", "publicReason", "The prototype showed little demand.");
		String ref = submit();
		reachPrototype(ref);

		assertThat(support.instance(ref)).isNull();
		assertThat(passed(ref)).contains("BoundaryEvent_PrototypeStopped", "EndEvent_PrototypeStopped");
		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The prototype showed little demand.");
	}

	@Test
	void deniedFundingEndsTheIdeaNotAdoptedWithTheFundingReason() {
		prototypeThrows("FUNDING_DENIED", "fundingReason", "No budget left this year.");
		String ref = submit();
		reachPrototype(ref);

		assertThat(support.instance(ref)).isNull();
		assertThat(passed(ref)).contains("BoundaryEvent_FundingDenied", "EndEvent_NoFunding");
		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("No budget left this year.");
	}

	// ---- the real prototype: its BPMN errors and variables reach the idea's call
	// activity

	/**
	 * This test's latest prototype is the real model; the models it calls answer at once.
	 */
	void deployRealPrototype(String fundingOutcome) {
		engine.getRepositoryService()
			.createDeployment()
			.name("real prototype")
			.addClasspathResource("processes/prototype.bpmn")
			.addClasspathResource("forms/review-milestone-checkpoint.form")
			.addClasspathResource("forms/decide-open-data-waiver.form")
			.addClasspathResource("forms/request-more-datasets.form")
			.addClasspathResource("forms/plan-public-commitment.form")
			.deploy();
		mock(ProcessKeys.FUNDING_REQUEST, execution -> {
			execution.setVariable("fundingOutcome", fundingOutcome);
			execution.setVariable("approvedAmountCents", "DENIED".equals(fundingOutcome) ? 0L : 450050L);
			execution.setVariable("fundingReason",
					"DENIED".equals(fundingOutcome) ? "No budget left this year." : null);
		}).deploy(engine);
		mock(ProcessKeys.DATA_OPENING, execution -> {
			execution.setVariable("datasetOutcome", "PUBLISHED");
			execution.setVariable("catalogueId", "catalogue-" + execution.getVariable("datasetTitle"));
		}).deploy(engine);
	}

	void reviewCheckpoint(String ref, Map<String, Object> form) {
		support.complete(ref, "Task_ReviewCheckpoint", form);
	}

	@Test
	void theRealPrototypeHandsItsOutcomeToThePilot() {
		deployRealPrototype("APPROVED");
		String ref = submit();
		reachPrototype(ref);

		reviewCheckpoint(ref, Map.of("checkpointDecision", "CONTINUE", "checkpointNotes", "On track"));
		support.ensureUser("comms-main", "communications");
		support.submitAs("comms-main", support.task(ref, "Task_PlanPublicCommitment").getId(),
				Map.of("commitmentMoment", "WEB_POST", "commitmentDate", LocalDate.now().toString(),
						"politicalSponsorName", "Maria Rossi", "politicalSponsorOffice", "Mayor", "commitmentPromise",
						"Lanes by June"));
		support.runJobs(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");
		assertThat(support.instance(ref)).variables()
			.containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 2)
			.containsEntry("openDataThresholdMet", true);
		assertThat(support.status(ref)).isEqualTo(PILOT);
	}

	@Test
	void theRealPrototypesStopAtACheckpointEndsTheIdeaWithItsReason() {
		deployRealPrototype("APPROVED");
		String ref = submit();
		reachPrototype(ref);

		reviewCheckpoint(ref, Map.of("checkpointDecision", "STOP", "checkpointNotes", "Nobody used it", "publicReason",
				"The prototype showed little demand."));

		assertThat(passed(ref)).contains("BoundaryEvent_PrototypeStopped", "EndEvent_PrototypeStopped");
		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The prototype showed little demand.");
		assertThat(support.openTasks(ref)).isEmpty();
	}

	@Test
	void theRealPrototypesChangeOfDirectionReturnsToCoDesign() {
		deployRealPrototype("APPROVED");
		String ref = submit();
		reachPrototype(ref);

		reviewCheckpoint(ref, Map.of("checkpointDecision", "CHANGE_DIRECTION", "checkpointNotes",
				"Cyclists want a different street"));

		assertThat(support.instance(ref)).isWaitingAt("Task_PlanCodesignSession");
		assertThat(support.openTasks(ref)).containsExactly("Task_PlanCodesignSession");
		assertThat(support.status(ref)).isEqualTo(CO_DESIGN);
	}

	@Test
	void theRealPrototypesDeniedFundingEndsTheIdeaWithTheFundingReason() {
		deployRealPrototype("DENIED");
		String ref = submit();
		reachPrototype(ref);

		assertThat(passed(ref)).contains("BoundaryEvent_FundingDenied", "EndEvent_NoFunding");
		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("No budget left this year.");
		assertThat(support.openTasks(ref)).isEmpty();
	}

	// ---- pilot, approvals, council

	@Test
	void aPilotThatIsNotRecommendedEndsNotAdopted() {
		String ref = submit();
		reachPrototype(ref);
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "Few users", "objectivesMet", "NONE", "pilotParticipants", 12));
		assertThat(engine.getTaskService().getIdentityLinksForTask(support.task(ref, "Task_RecommendAdoption").getId()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("heads-mobility");

		support.complete(ref, "Task_RecommendAdoption",
				Map.of("adoptionRecommendation", "DO_NOT_ADOPT", "publicReason", "The pilot missed its objectives."));

		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The pilot missed its objectives.");
		assertThat(calls(ref, ProcessKeys.SERVICE_APPROVAL)).isZero();
	}

	@Test
	void anApprovedServiceGoesToTheCouncilAndIsAdoptedThenLaunched() {
		String ref = submit();
		reachApprovals(ref);

		assertThat(calledWith(ProcessKeys.SERVICE_APPROVAL)).containsEntry("ideaReference", ref)
			.containsEntry("champion", ProcessTestSupport.CHAMPION)
			.containsEntry("objectives", "Safer cycling to school")
			.containsEntry("pilotResults", "300 pupils cycled")
			.containsKeys("implementingDepartments", "approvalRound", "ideaDescription", "ideaTheme", "ideaReach");
		assertThat(((SpinJsonNode) calledWith(ProcessKeys.SERVICE_APPROVAL).get("implementingDepartments")).elements())
			.extracting(SpinJsonNode::stringValue)
			.containsExactly("dept-mobility", "dept-urban-planning");
		assertThat(calledWith(ProcessKeys.COUNCIL_ADOPTION)).containsEntry("sponsorDepartment", "dept-mobility");
		assertThat(calledWith(ProcessKeys.SERVICE_LAUNCH)).containsEntry("actNumber", "2026/117")
			.containsEntry("actDate", "2026-11-20")
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("champion", ProcessTestSupport.CHAMPION)
			.containsEntry("ideaReference", ref);
		assertThat(((SpinJsonNode) calledWith(ProcessKeys.SERVICE_LAUNCH).get("implementingDepartments")).elements())
			.as("each of them confirms the launch")
			.extracting(SpinJsonNode::stringValue)
			.containsExactly("dept-mobility", "dept-urban-planning");
		assertThat(support.statusHistory(ref)).endsWith(PILOT, COUNCIL, ADOPTED);
		assertThat(passed(ref)).containsSubsequence("CallActivity_ApproveService", "Task_ChooseAdoptionRoute",
				"CallActivity_CouncilAdoption", "EndEvent_IdeaAdopted", "CallActivity_LaunchService",
				"EndEvent_ServiceRetired");
		assertThat(passed(ref)).doesNotContain("Task_SignMayoralDecree");
		assertThat(support.instance(ref)).isNull();
	}

	@Test
	void aRegulationChangeGoesToTheCouncilWhateverItCosts() {
		launchWaits();
		String ref = submit();
		reachPrototype(ref);

		recordPilotAndRecommend(ref, 0, "YES");

		assertThat(support.instance(ref)).isWaitingAt("CallActivity_LaunchService");
		assertThat(calls(ref, ProcessKeys.COUNCIL_ADOPTION)).isEqualTo(1);
		assertThat(support.instance(ref)).variables().containsEntry("adoptionRoute", "COUNCIL");
	}

	@Test
	void aSmallServiceIsAdoptedByTheMayorsDecreeWithTheNextActNumberOfTheRegister() {
		launchWaits();
		String ref = submit();
		reachPrototype(ref);
		recordPilotAndRecommend(ref, 8000.5, "NO");

		Task decree = support.task(ref, "Task_SignMayoralDecree");
		assertThat(engine.getTaskService().getIdentityLinksForTask(decree.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("mayors-office");
		assertThat(support.status(ref)).as("not before the council").isEqualTo(PILOT);
		int thisYear = java.time.Year.now().getValue();
		int lastOfTheYear = register.findAllByOrderByActYearDescActSequenceDesc()
			.stream()
			.filter(act -> act.actYear() == thisYear)
			.mapToInt(OfficialAct::actSequence)
			.max()
			.orElse(0);

		support.complete(ref, "Task_SignMayoralDecree",
				Map.of("decreeText", "The city lays safe bike lanes on the ring road from the date of the directive.",
						"decreeSigned", true));

		assertThat(calls(ref, ProcessKeys.COUNCIL_ADOPTION)).isZero();
		assertThat(support.statusHistory(ref)).endsWith(PILOT, ADOPTED).doesNotContain(COUNCIL);
		OfficialAct act = register.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(ref).orElseThrow();
		assertThat(act.isDecree()).isTrue();
		assertThat(act.actKind()).isEqualTo(OfficialAct.MAYORAL_DECREE);
		assertThat(act.sessionId()).isNull();
		assertThat(act.actText()).startsWith("The city lays safe bike lanes");
		assertThat(act.actYear()).isEqualTo(thisYear);
		assertThat(act.actSequence()).as("the next number of the register the council's acts are in")
			.isGreaterThan(lastOfTheYear);
		assertThat(act.actNumber()).isEqualTo("%d/%04d".formatted(thisYear, act.actSequence()));
		// the directives join the decree in service-launch, as they join a council act
		assertThat(calledWith(ProcessKeys.SERVICE_LAUNCH)).containsEntry("actNumber", act.actNumber())
			.containsEntry("actDate", act.adoptedOn().toString());
		assertThat(passed(ref)).containsSubsequence("Task_ChooseAdoptionRoute", "Task_SignMayoralDecree",
				"EndEvent_IdeaAdopted", "CallActivity_LaunchService");
	}

	@Test
	void anUnsignedDecreeIsRefused() {
		launchWaits();
		String ref = submit();
		reachPrototype(ref);
		recordPilotAndRecommend(ref, 8000, "NO");

		assertThatThrownBy(() -> support.complete(ref, "Task_SignMayoralDecree",
				Map.of("decreeText", "The city lays bike lanes.", "decreeSigned", false)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("I sign this decree");
		assertThat(register.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(ref)).isEmpty();
	}

	@Test
	void aServiceTheDepartmentsRejectEndsNotAdoptedWithTheirReason() {
		approvalEndsWith("REJECTED", "it: Cannot be run on city systems");
		String ref = submit();
		reachApprovals(ref);

		assertThat(passed(ref)).contains("EndEvent_ApprovalRefused").doesNotContain("CallActivity_CouncilAdoption");
		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("it: Cannot be run on city systems");
		assertThat(support.instance(ref)).isNull();
	}

	@Test
	void aCouncilRejectionEndsTheIdeaNotAdopted() {
		councilDecides("REJECTED", "The council prefers a city-wide plan.");
		String ref = submit();
		reachApprovals(ref);

		assertThat(support.statusHistory(ref)).endsWith(COUNCIL, NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The council prefers a city-wide plan.");
		assertThat(support.instance(ref)).isNull();
		assertThat(calls(ref, ProcessKeys.SERVICE_LAUNCH)).isZero();
	}

	// ---- after the launch

	@Test
	void theIdeaEndsOnlyWhenItsServiceIsRetired() {
		launchWaits();
		String ref = submit();
		reachApprovals(ref);
		assertThat(support.instance(ref)).isWaitingAt("CallActivity_LaunchService");

		support.runtime().createMessageCorrelation("LaunchTestDone").processInstanceBusinessKey(ref).correlate();

		assertThat(passed(ref)).endsWith("EndEvent_ServiceRetired");
		assertThat(calls(ref, ProcessKeys.IDEA_SCREENING)).as("never screened again").isEqualTo(1);
		assertThat(calls(ref, ProcessKeys.PROTOTYPE)).as("never a new prototype").isEqualTo(1);
	}

	@Test
	void aPilotNobodyTookPartInMetNoObjective() {
		String ref = submit();
		reachPrototype(ref);

		assertThatThrownBy(() -> support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "Nobody came", "objectivesMet", "ALL", "pilotParticipants", 0)))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageStartingWith("Were the objectives met?: a pilot nobody took part in met no objective");
		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");

		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "Nobody came", "objectivesMet", "NONE", "pilotParticipants", 0));
		assertThat(support.instance(ref)).isWaitingAt("Task_RecommendAdoption");
	}

	// ---- withdrawal

	@Test
	void theCitizenCanWithdrawAnIdeaWhileAStageItCalledRuns() {
		prototypeWaits();
		String ref = submit();
		reachPrototype(ref);
		assertThat(support.instance(ref)).isWaitingAt("CallActivity_BuildPrototype");
		assertThat(support.instance(ref, ProcessKeys.PROTOTYPE)).isNotNull();

		support.runtime()
			.createMessageCorrelation("IdeaWithdrawalRequested")
			.processInstanceBusinessKey(ref)
			.correlate();

		assertThat(support.instance(ref)).isNull();
		assertThat(support.status(ref)).isEqualTo(WITHDRAWN);
		assertThat(support.instance(ref, ProcessKeys.PROTOTYPE)).as("the prototype stops too").isNull();
	}

	@Test
	void anAdoptedIdeaCanNoLongerBeWithdrawn() {
		launchWaits();
		String ref = submit();
		reachApprovals(ref);
		assertThat(support.status(ref)).isEqualTo(ADOPTED);

		assertThatThrownBy(() -> support.runtime()
			.createMessageCorrelation("IdeaWithdrawalRequested")
			.processInstanceBusinessKey(ref)
			.correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThat(support.instance(ref)).isWaitingAt("CallActivity_LaunchService");
	}

	// ---- the start form of a civil servant

	@Test
	void aCivilServantRecordsAWorkshopIdeaAndTheCitizensDataLeavesTheProcess() {
		var instance = engine.getFormService()
			.submitStartForm(
					engine.getRepositoryService()
						.createProcessDefinitionQuery()
						.processDefinitionKey("idea-to-service")
						.latestVersion()
						.singleResult()
						.getId(),
					Map.of("ideaTitle", "Repair café in the library", "ideaDescription", "Monthly repair sessions",
							"ideaTheme", "CULTURE", "ideaReach", "DISTRICT", "ideaChannel", "WORKSHOP", "submitterName",
							"Ana Citizen", "submitterEmail", "ana@example.org"));

		String ref = instance.getBusinessKey();
		assertThat(ref).matches("IDEA-\\d{4}-\\d{6}");
		assertThat(instance).isWaitingAt("Task_AssignChampion").hasPassed("CallActivity_ScreenIdea");
		assertThat(calledWith(ProcessKeys.IDEA_SCREENING)).containsEntry("ideaReference", ref)
			.containsEntry("ideaTitle", "Repair café in the library")
			.containsEntry("ideaTheme", "CULTURE")
			.doesNotContainKeys("submitterName", "submitterEmail");
		assertThat(instance).variables().doesNotContainKeys("submitterName", "submitterEmail");
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableNameIn("submitterName", "submitterEmail")
			.count()).isZero();
		assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).list())
			.noneMatch(detail -> detail.toString().contains("ana@example.org"));
	}

	@Test
	void anInvalidEmailInTheStartFormIsRefusedAndNothingIsRegistered() {
		String definition = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("idea-to-service")
			.latestVersion()
			.singleResult()
			.getId();
		long before = engine.getRuntimeService().createProcessInstanceQuery().count();

		assertThatThrownBy(() -> engine.getFormService()
			.submitStartForm(definition,
					Map.of("ideaTitle", "Repair café", "ideaDescription", "Monthly", "ideaTheme", "CULTURE",
							"ideaReach", "DISTRICT", "ideaChannel", "WORKSHOP", "submitterEmail", "not-an-address")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Citizen's e-mail address must be a valid e-mail address.");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
	}

	// ---- the facts to decide, and the order of dates

	static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

	void recordViableOutcome(String ref, LocalDate milestoneDue, LocalDate pilotStart) {
		support.complete(ref, "Task_RecordCodesignOutcome",
				Map.of("codesignOutcome", "VIABLE", "objectives", "Safer cycling to school", "milestones",
						JsonVariables.list(
								List.of(item("title", "Prototype on one street", "dueDate", DAY.format(milestoneDue)))),
						"pilotStartDate", DAY.format(pilotStart), "datasets", JsonVariables.list(fiveDatasets()),
						"fundingSource", "NEW_FUNDING", "estimatedBudget", 4500.5));
	}

	String facts(String ref, String taskDefinitionKey) {
		return (String) engine.getTaskService()
			.getVariableLocal(support.task(ref, taskDefinitionKey).getId(), "decisionFacts");
	}

	@Test
	void aMilestoneIsDueBeforeThePlannedStartOfThePilot() {
		String ref = submit();
		assignChampion(ref);
		planSession(ref);
		LocalDate pilot = LocalDate.now().plusDays(60);

		for (LocalDate due : List.of(pilot, pilot.plusDays(1))) {
			assertThatThrownBy(() -> recordViableOutcome(ref, due, pilot)).as(due.toString())
				.isInstanceOf(FormFieldValidationException.class)
				.hasMessage("Milestones: 'Prototype on one street' is due on " + DAY.format(due)
						+ ", but the pilot starts on " + DAY.format(pilot)
						+ "; a milestone must be due before the pilot starts.");
		}
		assertThat(support.instance(ref)).isWaitingAt("Task_RecordCodesignOutcome");

		recordViableOutcome(ref, pilot.minusDays(1), pilot);
		assertThat(calledWith(ProcessKeys.PROTOTYPE)).containsEntry("ideaReference", ref);
		assertThat(support.instance(ref)).variables().containsEntry("pilotStartDate", pilot.toString());
	}

	@Test
	void theHeadAndTheMayorsOfficeSeeTheFactsToDecideInWordsWithoutTheCitizensData() {
		launchWaits();
		String ref = submit();
		assignChampion(ref);
		planSession(ref);
		LocalDate due = LocalDate.now().plusDays(30);
		LocalDate pilot = LocalDate.now().plusDays(45);
		recordViableOutcome(ref, due, pilot);
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "300 pupils cycled", "objectivesMet", "PARTLY", "pilotParticipants", 300));

		// the department head recommends knowing the plan, the pilot and the prototype's
		// money
		assertThat(facts(ref, "Task_RecommendAdoption")).contains("**Milestones**")
			.contains("- Prototype on one street: due " + DAY.format(due))
			.contains("- Planned start: " + DAY.format(pilot))
			.contains("- Traffic counts 1: owned by Mobility; needed for: Map")
			.contains("- Air quality 2: owned by Environment; needed for: Map")
			.doesNotContain("**Objectives**")
			.contains("- Objectives met: some")
			.contains("- Citizens who took part: 300")
			.contains("- Granted: 4.500,50\u00a0€");

		Long ideaId = ideas.findByReference(ref).orElseThrow().id();
		approvals.save(new ApprovalDecision(null, ideaId, 1, "finance", "APPROVE", "Running cost fits the plan", "finn",
				java.time.Instant.now()));
		support.complete(ref, "Task_RecommendAdoption",
				Map.of("adoptionRecommendation", "ADOPT", "implementingDepartments",
						JsonVariables.list(List.of("dept-mobility", "dept-urban-planning")), "yearlyRunningCost",
						8000.5, "changesRegulation", "NO"));

		// the mayor's office signs knowing the pilot, the cost and the approvals (the
		// form shows the idea, its objectives and pilot results itself)
		String decree = facts(ref, "Task_SignMayoralDecree");
		assertThat(decree).contains("- Objectives met: some")
			.doesNotContain("**Description**")
			.contains("- Yearly running cost: 8.000,50\u00a0€")
			.contains("- Run and paid for by: Mobility, Urban planning")
			.contains("- Finance (round 1, " + DAY.format(LocalDate.now()) + "): Approve: Running cost fits the plan")
			.doesNotContain("Test Citizen")
			.doesNotContain("citizen@example.org");

		// shown, never written by the task
		assertThatThrownBy(() -> support.complete(ref, "Task_SignMayoralDecree",
				Map.of("decreeText", "The city lays bike lanes.", "decreeSigned", true, "decisionFacts", "Nothing")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("'decisionFacts' is not a field of the form");
	}

}
