package city.ideatoservice.idea;

import static city.ideatoservice.idea.PublicStatus.ADOPTED;
import static city.ideatoservice.idea.PublicStatus.APPROVALS;
import static city.ideatoservice.idea.PublicStatus.CO_DESIGN;
import static city.ideatoservice.idea.PublicStatus.COUNCIL;
import static city.ideatoservice.idea.PublicStatus.IN_REVIEW;
import static city.ideatoservice.idea.PublicStatus.LIVE;
import static city.ideatoservice.idea.PublicStatus.MERGED;
import static city.ideatoservice.idea.PublicStatus.NOT_ADOPTED;
import static city.ideatoservice.idea.PublicStatus.PILOT;
import static city.ideatoservice.idea.PublicStatus.PROTOTYPING;
import static city.ideatoservice.idea.PublicStatus.REJECTED;
import static city.ideatoservice.idea.PublicStatus.SUBMITTED;
import static city.ideatoservice.idea.PublicStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.mockito.process.CallActivityMockForSpringContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The main process, stage by stage and path by path, with funding-request, data-opening and council-adoption
 * replaced by mocks. Real delegates and database; the job executor is off so the test runs each job itself. Its
 * coverage report counts towards the 90% that mvn verify asks of idea-to-service.
 */
@IdeaToServiceTest
@MockedProcesses({ ProcessKeys.FUNDING_REQUEST, ProcessKeys.DATA_OPENING, ProcessKeys.COUNCIL_ADOPTION })
class IdeaToServiceProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	city.ideatoservice.funding.PrototypeBudgets budgets;

	@Autowired
	city.ideatoservice.opendata.PublishedDatasetRepository catalogue;

	/** Titles of datasets the data-opening mock refuses (all others are published). */
	static final Set<String> REFUSED_DATASETS = ConcurrentHashMap.newKeySet();

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		ClockUtil.reset();
		REFUSED_DATASETS.clear();
		support.ensureUser(ProcessTestSupport.CHAMPION, "innovation-office");
		fundingOutcome("APPROVED", 450000L, null);
		new CallActivityMockForSpringContext(ProcessKeys.DATA_OPENING, context).onExecutionDo(execution -> {
			String title = (String) execution.getVariable("datasetTitle");
			boolean refused = REFUSED_DATASETS.contains(title);
			execution.setVariable("datasetOutcome", refused ? "REFUSED" : "PUBLISHED");
			execution.setVariable("catalogueId", refused ? null : "catalogue-" + title.hashCode());
			execution.setVariable("datasetReason", refused ? "Contains personal data" : null);
		}).deploy(engine);
		councilDecision("ADOPTED", null);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	void fundingOutcome(String outcome, long approvedCents, String reason) {
		new CallActivityMockForSpringContext(ProcessKeys.FUNDING_REQUEST, context).onExecutionDo(execution -> {
			execution.setVariable("fundingOutcome", outcome);
			execution.setVariable("approvedAmountCents", approvedCents);
			execution.setVariable("fundingReason", reason);
		}).deploy(engine);
	}

	void councilDecision(String decision, String reason) {
		new CallActivityMockForSpringContext(ProcessKeys.COUNCIL_ADOPTION, context).onExecutionDo(execution -> {
			execution.setVariable("councilDecision", decision);
			execution.setVariable("actNumber", "ADOPTED".equals(decision) ? "2026/117" : null);
			execution.setVariable("actDate", "ADOPTED".equals(decision) ? "2026-11-20" : null);
			execution.setVariable("councilReason", reason);
		}).deploy(engine);
	}

	// ---- the stages, as the people in them complete their forms

	String submit() {
		return support.submitIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
	}

	void screen(String ref, Map<String, Object> decision) {
		Map<String, Object> form = new LinkedHashMap<>(Map.of("category", "MOBILITY", "priority", "HIGH",
				"sponsorDepartment", "dept-mobility"));
		form.putAll(decision);
		support.complete(ref, "Task_ScreenIdea", form);
	}

	void acceptAndAssignChampion(String ref) {
		screen(ref, Map.of("screeningDecision", "ACCEPT"));
		support.complete(ref, "Task_AssignChampion",
				Map.of("champion", ProcessTestSupport.CHAMPION, "sponsorDepartment", "dept-mobility"));
	}

	void planSession(String ref) {
		support.complete(ref, "Task_PlanCodesignSession", Map.of("sessionFormat", "WORKSHOP", "sessionDate",
				"2026-12-01", "sessionPlace", "City hall", "sessionParticipants", "Cyclists, mobility department"));
	}

	static Map<String, Object> item(String... keyValues) {
		Map<String, Object> item = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			item.put(keyValues[i], keyValues[i + 1]);
		}
		return item;
	}

	/** Five datasets from two departments: enough for the pilot when all are published. */
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

	void recordViableOutcome(String ref, List<Map<String, Object>> datasets) {
		// the way Tasklist sends a dynamic list: a Json variable
		support.complete(ref, "Task_RecordCodesignOutcome", Map.of("codesignOutcome", "VIABLE", "objectives",
				"Safer cycling to school", "milestones",
				JsonVariables.list(List.of(item("title", "Prototype on one street", "dueDate", "2027-01-31"))),
				"datasets", JsonVariables.list(datasets), "fundingSource", "NEW_FUNDING", "estimatedBudget", 4500.5));
	}

	void reachPrototype(String ref, List<Map<String, Object>> datasets) {
		acceptAndAssignChampion(ref);
		planSession(ref);
		recordViableOutcome(ref, datasets);
	}

	void passCheckpoint(String ref) {
		support.complete(ref, "Task_ReviewCheckpoint", Map.of("checkpointDecision", "CONTINUE"));
	}

	void reachPilot(String ref) {
		reachPrototype(ref, fiveDatasets());
		passCheckpoint(ref);
	}

	void recordPilotAndRecommend(String ref) {
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "300 pupils cycled", "objectivesMet", "ALL", "pilotParticipants", 300));
		support.complete(ref, "Task_RecommendAdoption", Map.of("adoptionRecommendation", "ADOPT",
				"implementingDepartments", JsonVariables.list(List.of("dept-mobility"))));
	}

	void approveAll(String ref) {
		for (Task task : support.tasks(ref, "Task_ApproveService")) {
			engine.getFormService().submitTaskForm(task.getId(), Map.of("approvalDecision", "APPROVE"));
		}
		support.runJobs(ref);
	}

	void reachAdoption(String ref) {
		reachPilot(ref);
		recordPilotAndRecommend(ref);
		approveAll(ref);
	}

	void issueDirectives(String ref, String effectiveDate) {
		support.complete(ref, "Task_IssueDirectives", Map.of("directiveReference", "DIR-2026-12",
				"responsibleDepartments", JsonVariables.list(List.of("dept-mobility")), "directiveEffectiveDate",
				effectiveDate, "amendedProcedure", "Road maintenance procedure"));
	}

	void launch(String ref) {
		issueDirectives(ref, "2027-01-01");
		support.complete(ref, "Task_AnnounceService", Map.of("announcementType", "PRESS_CONFERENCE",
				"announcementDate", "2027-01-02", "announcementLink", "https://city.example/press/bike-lanes"));
		support.complete(ref, "Task_ConfirmLaunch",
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", "2027-01-05"));
	}

	Job timer(String ref, String activityId) {
		return support.management()
			.createJobQuery()
			.processInstanceId(support.instance(ref).getId())
			.timers()
			.activityId(activityId)
			.singleResult();
	}

	// ---- submission and screening

	@Test
	void aSubmittedIdeaWaitsForScreeningWithTheTriageProposal() {
		String ref = submit();

		assertThat(support.instance(ref)).isWaitingAt("Task_ScreenIdea").hasPassed("Task_RegisterIdea", "Task_ProposeTriage");
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW);
		assertThat(support.instance(ref)).variables()
			.containsEntry("category", "MOBILITY")
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("priority", "HIGH")
			.doesNotContainKey("triage");
		Task task = support.task(ref, "Task_ScreenIdea");
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("innovation-office");
		assertThat(task.getDueDate()).isNotNull();
	}

	@Test
	void aRejectedIdeaEndsRejectedWithTheReasonTheCitizenReads() {
		String ref = submit();

		screen(ref, Map.of("screeningDecision", "REJECT", "publicReason", "The ring road is a regional road."));

		assertThat(support.instance(ref)).isNull();
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, REJECTED);
		assertThat(support.lastReason(ref)).isEqualTo("The ring road is a regional road.");
	}

	@Test
	void aRejectionWithoutReasonIsRefusedAndTheTaskStaysOpen() {
		String ref = submit();

		assertThatThrownBy(() -> screen(ref, Map.of("screeningDecision", "REJECT")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Reason for rejection (the citizen reads it) is required.");
		assertThat(support.instance(ref)).isWaitingAt("Task_ScreenIdea");
		assertThat(support.status(ref)).isEqualTo(IN_REVIEW);
	}

	@Test
	void aDuplicateIsMergedIntoTheOtherIdeaAndTheCitizenIsToldWhich() {
		String original = support.submitIdea("Bike lanes on the ring", Theme.MOBILITY, Reach.CITY);
		String ref = submit();

		screen(ref, Map.of("screeningDecision", "DUPLICATE", "duplicateOf", original));

		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, MERGED);
		assertThat(support.lastReason(ref)).contains(original).contains("Bike lanes on the ring");
		assertThat(support.instance(original)).isWaitingAt("Task_ScreenIdea");
	}

	@Test
	void aDuplicateOfAnIdeaThatDoesNotExistIsRefused() {
		String ref = submit();

		assertThatThrownBy(() -> screen(ref, Map.of("screeningDecision", "DUPLICATE", "duplicateOf", "IDEA-2026-999999")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Reference of the existing idea: there is no idea IDEA-2026-999999.");
		assertThatThrownBy(() -> screen(ref, Map.of("screeningDecision", "DUPLICATE", "duplicateOf", ref)))
			.hasMessage("Reference of the existing idea: an idea cannot be a duplicate of itself.");
	}

	@Test
	void aQuestionWaitsForTheCitizensAnswerAndReturnsToScreening() {
		String ref = submit();

		screen(ref, Map.of("screeningDecision", "ASK", "questionToCitizen", "Which streets exactly?"));
		assertThat(support.instance(ref)).isWaitingAt("Gateway_AwaitAnswer");

		support.runtime()
			.createMessageCorrelation("CitizenAnswered")
			.processInstanceBusinessKey(ref)
			.setVariable("citizenAnswer", "Ring road between north and east gate")
			.correlate();

		assertThat(support.instance(ref)).isWaitingAt("Task_ScreenIdea");
		assertThat(support.instance(ref)).variables().containsEntry("citizenAnswer", "Ring road between north and east gate");
		assertThat(support.status(ref)).isEqualTo(IN_REVIEW);
	}

	@Test
	void aQuestionWithoutAnswerFor14DaysClosesTheIdea() {
		String ref = submit();
		screen(ref, Map.of("screeningDecision", "ASK", "questionToCitizen", "Which streets exactly?"));

		Job timeout = timer(ref, "Event_QuestionTimedOut");
		assertThat(timeout.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(13))));
		support.runTimer(timeout);

		assertThat(support.instance(ref)).isNull();
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, WITHDRAWN);
		assertThat(support.lastReason(ref)).contains("No answer");
	}

	// ---- withdrawal

	@Test
	void theCitizenCanWithdrawAnIdeaInAnyStageBeforeAdoption() {
		String ref = submit();
		reachPrototype(ref, fiveDatasets());
		assertThat(support.status(ref)).isEqualTo(PROTOTYPING);

		support.runtime().createMessageCorrelation("IdeaWithdrawalRequested").processInstanceBusinessKey(ref).correlate();

		assertThat(support.instance(ref)).isNull();
		assertThat(support.status(ref)).isEqualTo(WITHDRAWN);
		assertThat(support.openTasks(ref)).isEmpty();
	}

	@Test
	void anAdoptedIdeaCanNoLongerBeWithdrawn() {
		String ref = submit();
		reachAdoption(ref);
		assertThat(support.status(ref)).isEqualTo(ADOPTED);

		assertThatThrownBy(() -> support.runtime()
			.createMessageCorrelation("IdeaWithdrawalRequested")
			.processInstanceBusinessKey(ref)
			.correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThat(support.instance(ref)).isWaitingAt("Task_IssueDirectives");
	}

	// ---- co-design

	@Test
	void noViableSolutionEndsTheIdeaNotAdoptedWithTheExplanation() {
		String ref = submit();
		acceptAndAssignChampion(ref);
		assertThat(support.task(ref, "Task_PlanCodesignSession").getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		planSession(ref);

		support.complete(ref, "Task_RecordCodesignOutcome",
				Map.of("codesignOutcome", "NO_VIABLE_SOLUTION", "publicReason", "No partner could run it."));

		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, CO_DESIGN, NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("No partner could run it.");
	}

	@Test
	void aChampionWhoIsNoUserIsRefused() {
		String ref = submit();
		screen(ref, Map.of("screeningDecision", "ACCEPT"));

		assertThatThrownBy(() -> support.complete(ref, "Task_AssignChampion",
				Map.of("champion", "nobody", "sponsorDepartment", "dept-mobility")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Champion: there is no user 'nobody'. Give the user ID of a civil servant.");
	}

	@Test
	void theBudgetBecomesWholeEuroCentsAndTheThreeBranchesStart() {
		String ref = submit();
		reachPrototype(ref, fiveDatasets());

		assertThat(support.instance(ref)).variables().containsEntry("requestedAmountCents", 450050L);
		assertThat(support.instance(ref)).isWaitingAt("Task_ReviewCheckpoint")
			.hasPassed("CallActivity_RequestFunding", "CallActivity_OpenDataset", "Task_CheckOpenDataThreshold");
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, CO_DESIGN, PROTOTYPING);
	}

	// ---- prototype: funding, milestones, open data

	@Test
	void deniedFundingStopsThePrototypeWithTheFundingReason() {
		fundingOutcome("DENIED", 0L, "No budget left this year.");
		String ref = submit();
		reachPrototype(ref, fiveDatasets());

		assertThat(support.instance(ref)).isNull();
		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("No budget left this year.");
		assertThat(support.openTasks(ref)).isEmpty();
	}

	@Test
	void aCheckpointCanChangeDirectionBackToCoDesign() {
		String ref = submit();
		reachPrototype(ref, fiveDatasets());

		support.complete(ref, "Task_ReviewCheckpoint",
				Map.of("checkpointDecision", "CHANGE_DIRECTION", "checkpointNotes", "Cyclists want a different street"));

		assertThat(support.instance(ref)).isWaitingAt("Task_PlanCodesignSession");
		assertThat(support.status(ref)).isEqualTo(CO_DESIGN);
	}

	@Test
	void aCheckpointCanStopThePrototype() {
		String ref = submit();
		reachPrototype(ref, fiveDatasets());

		support.complete(ref, "Task_ReviewCheckpoint", Map.of("checkpointDecision", "STOP", "checkpointNotes",
				"Nobody used it", "publicReason", "The prototype showed little demand."));

		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The prototype showed little demand.");
	}

	@Test
	void anOverdueCheckpointRemindsTheChampionThenEscalatesToTheInnovationOffice() {
		String ref = submit();
		reachPrototype(ref, fiveDatasets());
		Task checkpoint = support.task(ref, "Task_ReviewCheckpoint");
		assertThat(checkpoint.getDueDate()).isEqualTo(java.sql.Timestamp.valueOf(LocalDate.of(2027, 1, 31).atStartOfDay()));

		List<Job> timers = support.timers(support.instance(ref), "Task_ReviewCheckpoint");
		assertThat(timers).hasSize(2);
		support.runTimer(timers.get(0));
		assertThat(support.task(ref, "Task_ReviewCheckpoint").getPriority()).isEqualTo(70);
		support.runTimer(timers.get(1));

		Task escalated = support.task(ref, "Task_ReviewCheckpoint");
		assertThat(escalated.getPriority()).isEqualTo(100);
		assertThat(escalated.getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		assertThat(engine.getTaskService().getIdentityLinksForTask(escalated.getId())).extracting(IdentityLink::getGroupId)
			.contains("innovation-office");
	}

	@Test
	void thePilotStartsWhenFiveDatasetsFromTwoDepartmentsArePublished() {
		String ref = submit();
		reachPilot(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults").hasNotPassed("Task_DecideWaiver");
		assertThat(support.instance(ref)).variables()
			.containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 2)
			.containsEntry("openDataThresholdMet", true);
		assertThat(support.status(ref)).isEqualTo(PILOT);
	}

	@Test
	void tooFewPublishedDatasetsBlockThePilotUntilAWaiverIsGranted() {
		REFUSED_DATASETS.add("Air quality 1");
		String ref = submit();
		reachPrototype(ref, fiveDatasets());
		passCheckpoint(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_DecideWaiver").hasNotPassed("Task_RecordPilotResults");
		assertThat(support.status(ref)).isEqualTo(PROTOTYPING);
		assertThat(support.instance(ref)).variables().containsEntry("publishedDatasetCount", 4);

		support.complete(ref, "Task_DecideWaiver",
				Map.of("waiverDecision", "WAIVE", "waiverReason", "Four datasets are enough for a street trial."));

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");
		assertThat(support.status(ref)).isEqualTo(PILOT);
	}

	@Test
	void datasetsFromOneDepartmentOnlyDoNotMeetTheThreshold() {
		String ref = submit();
		List<Map<String, Object>> oneDepartment = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			oneDepartment.add(item("title", "Traffic counts " + i, "ownerDepartment", "dept-mobility", "purpose", "Map"));
		}
		reachPrototype(ref, oneDepartment);
		passCheckpoint(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_DecideWaiver");
		assertThat(support.instance(ref)).variables().containsEntry("publishingDepartmentCount", 1);
	}

	@Test
	void moreDatasetsCanBeRequestedUntilTheThresholdIsMet() {
		String ref = submit();
		reachPrototype(ref, fiveDatasets().subList(0, 3));
		passCheckpoint(ref);
		support.complete(ref, "Task_DecideWaiver", Map.of("waiverDecision", "REQUEST_MORE_DATA"));
		assertThat(support.task(ref, "Task_RequestMoreDatasets").getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);

		support.complete(ref, "Task_RequestMoreDatasets", Map.of("additionalDatasets", JsonVariables.list(fiveDatasets().subList(3, 5))));

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");
		assertThat(support.instance(ref)).variables().containsEntry("publishedDatasetCount", 5);
	}

	@Test
	void theInnovationOfficeCanStopAPrototypeThatLacksData() {
		String ref = submit();
		reachPrototype(ref, List.of());
		passCheckpoint(ref);

		support.complete(ref, "Task_DecideWaiver",
				Map.of("waiverDecision", "STOP", "publicReason", "The data the service needs cannot be opened."));

		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The data the service needs cannot be opened.");
	}

	@Test
	void theRealFundingRequestFundsThePrototypeFromTheSponsorsBudget() {
		// this test's latest funding-request is the real model, not the mock
		engine.getRepositoryService().createDeployment().name("real funding-request")
			.addClasspathResource("processes/funding-request.bpmn")
			.addClasspathResource("forms/approve-funding.form")
			.addClasspathResource("forms/confirm-funded-initiative.form")
			.addClasspathResource("forms/revise-funding-request.form")
			.deploy();
		long budgetBefore = budgets.remainingCents("dept-mobility", budgets.currentYear());
		String ref = submit();
		reachPrototype(ref, fiveDatasets());

		Task approval = support.task(ref, "Task_ApproveAsInnovationOffice");
		assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("innovation-office");
		engine.getFormService().submitTaskForm(approval.getId(), Map.of("approvalDecision", "APPROVE"));
		passCheckpoint(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");
		assertThat(support.instance(ref)).variables()
			.containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 450050L)
			.containsKey("fundingApprovers");
		assertThat(budgets.remainingCents("dept-mobility", budgets.currentYear())).isEqualTo(budgetBefore - 450050L);
	}

	@Test
	void theRealDataOpeningPublishesTheDatasetsTheThresholdCounts() {
		// this test's latest data-opening is the real model, not the mock
		engine.getRepositoryService().createDeployment().name("real data-opening")
			.addClasspathResource("processes/data-opening.bpmn")
			.addClasspathResource("forms/assess-dataset.form")
			.addClasspathResource("forms/review-personal-data.form")
			.addClasspathResource("forms/publish-dataset.form")
			.deploy();
		String ref = submit();
		reachPrototype(ref, fiveDatasets());
		passCheckpoint(ref);

		for (Task assessment : support.tasks(ref, "Task_AssessDataset")) {
			engine.getFormService().submitTaskForm(assessment.getId(), Map.of("datasetAssessment", "CAN_OPEN",
					"containsPersonalData", "NO", "containsLocationData", "NO", "commerciallySensitive", "NO",
					"alreadyPublic", "NO"));
		}
		for (Task publication : support.tasks(ref, "Task_PublishDataset")) {
			engine.getFormService().submitTaskForm(publication.getId(), Map.of("catalogueTitle", "Counts",
					"catalogueDescription", "Traffic and air", "datasetLicence", "CC-BY-4.0", "datasetFormat", "CSV",
					"datasetUrl", "https://data.city.example/counts", "updateFrequency", "MONTHLY", "contactPoint",
					"opendata@city.example"));
		}
		support.runJobs(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordPilotResults");
		assertThat(support.instance(ref)).variables().containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 2);
		assertThat(catalogue.findAll()).filteredOn(dataset -> ref.equals(dataset.ideaReference())).hasSize(5);
	}

	// ---- pilot, approvals, council

	@Test
	void aPilotThatIsNotRecommendedEndsNotAdopted() {
		String ref = submit();
		reachPilot(ref);
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "Few users", "objectivesMet", "NONE", "pilotParticipants", 12));
		assertThat(engine.getTaskService().getIdentityLinksForTask(support.task(ref, "Task_RecommendAdoption").getId()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("heads-mobility");

		support.complete(ref, "Task_RecommendAdoption",
				Map.of("adoptionRecommendation", "DO_NOT_ADOPT", "publicReason", "The pilot missed its objectives."));

		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The pilot missed its objectives.");
	}

	@Test
	void everyImplementingDepartmentPlusLegalItAndFinanceApproveInParallel() {
		String ref = submit();
		reachPilot(ref);
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "300 pupils cycled", "objectivesMet", "ALL", "pilotParticipants", 300));
		support.complete(ref, "Task_RecommendAdoption", Map.of("adoptionRecommendation", "ADOPT",
				"implementingDepartments", JsonVariables.list(List.of("dept-mobility", "dept-urban-planning"))));

		List<String> groups = support.tasks(ref, "Task_ApproveService")
			.stream()
			.flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
			.map(IdentityLink::getGroupId)
			.toList();
		assertThat(groups).containsExactlyInAnyOrder("dept-mobility", "dept-urban-planning", "legal", "it", "finance");
		assertThat(support.status(ref)).isEqualTo(APPROVALS);

		approveAll(ref);

		assertThat(support.statusHistory(ref)).endsWith(APPROVALS, COUNCIL, ADOPTED);
		assertThat(support.instance(ref)).isWaitingAt("Task_IssueDirectives");
	}

	@Test
	void requestedChangesGoBackToTheChampionAndEveryApprovalRunsAgain() {
		String ref = submit();
		reachPilot(ref);
		recordPilotAndRecommend(ref);
		List<Task> approvals = support.tasks(ref, "Task_ApproveService");
		for (Task task : approvals) {
			boolean legal = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
				.anyMatch(link -> "legal".equals(link.getGroupId()));
			engine.getFormService().submitTaskForm(task.getId(), legal
					? Map.of("approvalDecision", "REQUEST_CHANGES", "approvalReason", "Add a data protection notice")
					: Map.of("approvalDecision", "APPROVE"));
		}
		support.runJobs(ref);

		assertThat(support.instance(ref)).isWaitingAt("Task_ReviseProposal");
		assertThat(support.instance(ref)).variables()
			.containsEntry("approvalFeedback", "legal: Add a data protection notice")
			.containsEntry("approvalRound", 2);

		support.complete(ref, "Task_ReviseProposal", Map.of("revisionSummary", "Notice added"));
		assertThat(support.tasks(ref, "Task_ApproveService")).hasSize(4);
		approveAll(ref);

		assertThat(support.status(ref)).isEqualTo(ADOPTED);
	}

	@Test
	void oneRejectionEndsTheIdeaNotAdoptedWithThePublicReason() {
		String ref = submit();
		reachPilot(ref);
		recordPilotAndRecommend(ref);
		Task first = support.tasks(ref, "Task_ApproveService").get(0);
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(first.getId(), Map.of("approvalDecision", "REJECT")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Reason is required.");

		for (Task task : support.tasks(ref, "Task_ApproveService")) {
			boolean it = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
				.anyMatch(link -> "it".equals(link.getGroupId()));
			engine.getFormService().submitTaskForm(task.getId(), it
					? Map.of("approvalDecision", "REJECT", "approvalReason", "Cannot be run on city systems")
					: Map.of("approvalDecision", "APPROVE"));
		}
		support.runJobs(ref);

		assertThat(support.status(ref)).isEqualTo(NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("it: Cannot be run on city systems");
	}

	@Test
	void aCouncilRejectionEndsTheIdeaNotAdopted() {
		councilDecision("REJECTED", "The council prefers a city-wide plan.");
		String ref = submit();
		reachAdoption(ref);

		assertThat(support.statusHistory(ref)).endsWith(COUNCIL, NOT_ADOPTED);
		assertThat(support.lastReason(ref)).isEqualTo("The council prefers a city-wide plan.");
		assertThat(support.instance(ref)).isNull();
	}

	// ---- going official, launch and follow-up

	@Test
	void anAdoptedServiceGoesLiveAfterDirectivesAnnouncementAndLaunch() {
		String ref = submit();
		reachAdoption(ref);
		launch(ref);

		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, CO_DESIGN, PROTOTYPING, PILOT,
				APPROVALS, COUNCIL, ADOPTED, LIVE);
		assertThat(support.instance(ref)).isWaitingAt("Event_FollowUpDue");
	}

	@Test
	void aLaunchBeforeTheDirectiveTakesEffectIsRefused() {
		String ref = submit();
		reachAdoption(ref);
		issueDirectives(ref, "2027-03-01");

		assertThatThrownBy(() -> support.complete(ref, "Task_ConfirmLaunch",
				Map.of("servicePublicUrl", "https://city.example/bike-lanes", "serviceStartDate", "2027-02-01")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Start date: the service cannot start on 2027-02-01: the directive that makes it official takes effect on 2027-03-01.");
		assertThat(support.status(ref)).isEqualTo(ADOPTED);
	}

	@Test
	void theFollowUpReviewCanKeepTheService() {
		String ref = submit();
		reachAdoption(ref);
		launch(ref);
		support.runTimer(timer(ref, "Event_FollowUpDue"));

		support.complete(ref, "Task_ReviewSustainability",
				Map.of("sustainabilityDecision", "KEEP", "sustainabilityNotes", "Used daily"));

		assertThat(support.instance(ref)).isNull();
		assertThat(support.status(ref)).isEqualTo(LIVE);
	}

	@Test
	void theFollowUpReviewCanRetireTheServiceWithAPublicNote() {
		String ref = submit();
		reachAdoption(ref);
		launch(ref);
		support.runTimer(timer(ref, "Event_FollowUpDue"));

		support.complete(ref, "Task_ReviewSustainability",
				Map.of("sustainabilityDecision", "RETIRE", "sustainabilityNotes", "Replaced by the regional network"));

		assertThat(support.status(ref)).isEqualTo(LIVE);
		assertThat(support.lastReason(ref)).contains("retired");
	}

	@Test
	void theFollowUpReviewCanStartANewCoDesignRoundOnTheSameIdea() {
		String ref = submit();
		reachAdoption(ref);
		launch(ref);
		support.runTimer(timer(ref, "Event_FollowUpDue"));

		support.complete(ref, "Task_ReviewSustainability",
				Map.of("sustainabilityDecision", "IMPROVE", "sustainabilityNotes", "Extend to the east side"));

		assertThat(support.instance(ref)).isWaitingAt("Task_PlanCodesignSession");
		assertThat(support.task(ref, "Task_PlanCodesignSession").getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		assertThat(support.status(ref)).isEqualTo(CO_DESIGN);
	}

	// ---- deadlines

	@Test
	void anOverdueScreeningRemindsThenEscalates() {
		String ref = submit();
		Task task = support.task(ref, "Task_ScreenIdea");
		List<Job> timers = support.timers(support.instance(ref), "Task_ScreenIdea");
		assertThat(timers).hasSize(2);
		assertThat(timers.get(0).getDuedate()).isBefore(task.getDueDate());
		assertThat(timers.get(1).getDuedate()).isAfter(task.getDueDate());

		support.runTimer(timers.get(0));
		assertThat(support.task(ref, "Task_ScreenIdea").getPriority()).isEqualTo(70);
		support.runTimer(timers.get(1));
		assertThat(support.task(ref, "Task_ScreenIdea").getPriority()).isEqualTo(100);
	}

	@Test
	void anOverdueDepartmentTaskEscalatesToTheDepartmentsHeads() {
		String ref = submit();
		reachAdoption(ref);
		issueDirectives(ref, "2027-01-01");
		Task launch = support.task(ref, "Task_ConfirmLaunch");
		List<Job> deadlines = support.timers(support.instance(ref), "Task_ConfirmLaunch");
		Job escalation = deadlines.get(deadlines.size() - 1);

		support.runTimer(escalation);

		assertThat(engine.getTaskService().getIdentityLinksForTask(launch.getId())).extracting(IdentityLink::getGroupId)
			.containsExactlyInAnyOrder("dept-mobility", "heads-mobility");
	}

	// ---- the start form of a civil servant

	@Test
	void aCivilServantRecordsAWorkshopIdeaAndTheCitizensDataLeavesTheProcess() {
		var instance = engine.getFormService().submitStartForm(
				engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("idea-to-service")
					.latestVersion().singleResult().getId(),
				Map.of("ideaTitle", "Repair café in the library", "ideaDescription", "Monthly repair sessions",
						"ideaTheme", "CULTURE", "ideaReach", "DISTRICT", "ideaChannel", "WORKSHOP", "submitterName",
						"Ana Citizen", "submitterEmail", "ana@example.org"));

		String ref = instance.getBusinessKey();
		assertThat(ref).matches("IDEA-\\d{4}-\\d{6}");
		assertThat(instance).isWaitingAt("Task_ScreenIdea");
		assertThat(instance).variables().doesNotContainKeys("submitterName", "submitterEmail");
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId()).variableNameIn("submitterName", "submitterEmail").count()).isZero();
		assertThat(engine.getHistoryService().createHistoricDetailQuery()
			.processInstanceId(instance.getId()).list())
			.noneMatch(detail -> detail.toString().contains("ana@example.org"));
		assertThat(support.status(ref)).isEqualTo(IN_REVIEW);
	}

	@Test
	void anInvalidEmailInTheStartFormIsRefusedAndNothingIsRegistered() {
		String definition = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey("idea-to-service").latestVersion().singleResult().getId();
		long before = engine.getRuntimeService().createProcessInstanceQuery().count();

		assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition,
				Map.of("ideaTitle", "Repair café", "ideaDescription", "Monthly", "ideaTheme", "CULTURE",
						"ideaReach", "DISTRICT", "ideaChannel", "WORKSHOP", "submitterEmail", "not-an-address")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Citizen's e-mail address must be a valid e-mail address.");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
	}

}
