package city.ideatoservice.codesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.commitment.PublicCommitment;
import city.ideatoservice.commitment.PublicCommitments;
import city.ideatoservice.funding.PrototypeBudgets;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.opendata.CatalogueLinks;
import city.ideatoservice.opendata.PublishedDataset;
import city.ideatoservice.opendata.PublishedDatasetRepository;
import city.ideatoservice.partner.CheckpointAssessment;
import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.PartnerOpinion;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.partner.PublicPartner;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
 * prototype on its own, started the way CallActivity_BuildPrototype of idea-to-service
 * starts it: the idea, its sponsor department and champion, the objectives, milestones,
 * datasets and budget of the co-design outcome. The funding-request and data-opening it
 * calls are mocks (each is tested on its own), except in the two tests that deploy the
 * real ones. Tasks are submitted through the form service as Tasklist does, by logged-in
 * users. The BPMN errors it ends with are caught by the call activity of idea-to-service
 * (IdeaToServiceProcessTest shows that they arrive there, with the variables the idea's
 * end events read); started alone, an error end event only ends its branch, so these
 * tests check that the branch reaches it and what it leaves for the caller.
 */
@IdeaToServiceTest
@MockedProcesses({ ProcessKeys.DATA_OPENING, ProcessKeys.FUNDING_REQUEST })
class PrototypeProcessTest {

	// milestones are due in the future (the form refuses a past day)
	static final String MILESTONE_DAY = java.time.LocalDate.now().plusDays(60).toString();

	static final String LATER_MILESTONE_DAY = java.time.LocalDate.now().plusDays(120).toString();

	static final String CHECKPOINT = "Task_ReviewCheckpoint";

	static final String WAIVER = "Task_DecideWaiver";

	static final String MORE_DATASETS = "Task_RequestMoreDatasets";

	static final String COMMITMENT = "Task_PlanPublicCommitment";

	static final String COMMUNICATIONS = "comms-prototype";

	static final String CHAMPION = ProcessTestSupport.CHAMPION;

	static final String INNOVATION_OFFICER = "officer-prototype";

	/** Titles of datasets the data-opening mock refuses (all others are published). */
	static final Set<String> REFUSED_DATASETS = ConcurrentHashMap.newKeySet();

	/** The variables the funding-request mock was called with (some are null). */
	static final Map<String, Object> FUNDING_CALLED_WITH = Collections.synchronizedMap(new HashMap<>());

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	PrototypeBudgets budgets;

	@Autowired
	PublishedDatasetRepository catalogue;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		REFUSED_DATASETS.clear();
		FUNDING_CALLED_WITH.clear();
		support.ensureUser(CHAMPION, "innovation-office");
		support.ensureUser(INNOVATION_OFFICER, "innovation-office");
		support.ensureUser(COMMUNICATIONS, "communications");
		fundingOutcome("APPROVED", 450050L, null);
		new CallActivityMockForSpringContext(ProcessKeys.DATA_OPENING, context).onExecutionDo(execution -> {
			String title = (String) execution.getVariable("datasetTitle");
			boolean refused = REFUSED_DATASETS.contains(title);
			execution.setVariable("datasetOutcome", refused ? "REFUSED" : "PUBLISHED");
			execution.setVariable("catalogueId", refused ? null : "catalogue-" + title.hashCode());
			execution.setVariable("datasetReason", refused ? "Contains personal data" : null);
		}).deploy(engine);
	}

	void fundingOutcome(String outcome, long approvedCents, String reason) {
		new CallActivityMockForSpringContext(ProcessKeys.FUNDING_REQUEST, context).onExecutionDo(execution -> {
			FUNDING_CALLED_WITH.putAll(execution.getVariables());
			execution.setVariable("fundingOutcome", outcome);
			execution.setVariable("approvedAmountCents", approvedCents);
			execution.setVariable("fundingReason", reason);
		}).deploy(engine);
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

	/**
	 * The variables CallActivity_BuildPrototype passes in (camunda:in), for an idea
	 * registered as the portal does.
	 */
	ProcessInstance buildPrototype(List<Map<String, Object>> datasets) {
		String reference = support.registerIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes");
		in.put("ideaDescription", "A description of Bike lanes");
		in.put("ideaTheme", "MOBILITY");
		in.put("ideaReach", "CITY");
		in.put("sponsorDepartment", "dept-mobility");
		in.put("champion", CHAMPION);
		in.put("objectives", "Safer cycling to school");
		in.put("milestones",
				JsonVariables.list(List.of(item("title", "Prototype on one street", "dueDate", MILESTONE_DAY))));
		in.put("datasets", JsonVariables.list(datasets));
		in.put("requestedAmountCents", 450050L);
		in.put("fundedInitiative", null);
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.PROTOTYPE, reference, in);
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

	void complete(ProcessInstance instance, String taskDefinitionKey, String user, Map<String, Object> form) {
		support.submitAs(user, task(instance, taskDefinitionKey).getId(), form);
		support.runJobs(instance);
	}

	void passCheckpoint(ProcessInstance instance) {
		complete(instance, CHECKPOINT, CHAMPION,
				Map.of("checkpointDecision", "CONTINUE", "checkpointNotes", "On track"));
	}

	/** What the communications team records, the way Tasklist submits it. */
	static Map<String, Object> commitment() {
		return Map.of("commitmentMoment", "PRESS_CONFERENCE", "commitmentDate", LocalDate.now().plusDays(14).toString(),
				"politicalSponsorName", "Maria Rossi", "politicalSponsorOffice", "Deputy Mayor for Mobility",
				"commitmentPromise", "Protected bike lanes on two school routes by June.");
	}

	void planPublicCommitment(ProcessInstance instance) {
		complete(instance, COMMITMENT, COMMUNICATIONS, commitment());
	}

	/**
	 * What CallActivity_BuildPrototype gets back (camunda:out): the variables of the
	 * ended instance.
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

	// ---- the three branches

	@Test
	void fundingMilestonesAndOpenDataStartTogetherAndThePrototypeIsReadyForThePilot() {
		ProcessInstance instance = buildPrototype(fiveDatasets());

		assertThat(instance).isWaitingAt(CHECKPOINT)
			.hasPassed("CallActivity_RequestFunding", "Gateway_FundingGranted", "CallActivity_OpenDataset",
					"Task_CheckOpenDataThreshold");
		assertThat(FUNDING_CALLED_WITH).containsEntry("requestedAmountCents", 450050L)
			.containsEntry("fundingPurpose", "Safer cycling to school")
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("champion", CHAMPION);
		Task checkpoint = task(instance, CHECKPOINT);
		assertThat(checkpoint.getAssignee()).isEqualTo(CHAMPION);
		assertThat(engine.getTaskService().getVariables(checkpoint.getId()))
			.containsEntry("milestoneTitle", "Prototype on one street")
			.containsEntry("milestoneDue", MILESTONE_DAY);

		passCheckpoint(instance);
		assertThat(instance).as("the join waits for the public commitment").isWaitingAt(COMMITMENT);
		assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance, COMMITMENT).getId()))
			.extracting(IdentityLink::getGroupId)
			.contains("communications");

		planPublicCommitment(instance);
		assertThat(instance).isEnded()
			.hasPassed("EndEvent_MilestoneReached", "EndEvent_PrototypeReady")
			.hasNotPassed(WAIVER);
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 450050L)
			.containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 2)
			.containsEntry("openDataThresholdMet", true);
	}

	@Test
	void deniedFundingStopsThePrototype() {
		fundingOutcome("DENIED", 0L, "No budget left this year.");

		ProcessInstance instance = buildPrototype(fiveDatasets());

		assertThat(instance).hasPassed("EndEvent_FundingDenied").hasNotPassed("EndEvent_PrototypeReady");
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("fundingReason", "No budget left this year.");
	}

	// ---- milestones

	@Test
	void aCheckpointCanChangeDirection() {
		ProcessInstance instance = buildPrototype(fiveDatasets());

		complete(instance, CHECKPOINT, CHAMPION, Map.of("checkpointDecision", "CHANGE_DIRECTION", "checkpointNotes",
				"Cyclists want a different street"));

		assertThat(instance).hasPassed("EndEvent_DirectionChanged").hasNotPassed("EndEvent_MilestoneReached");
	}

	@Test
	void aCheckpointCanStopThePrototypeWithAReasonForTheCitizen() {
		ProcessInstance instance = buildPrototype(fiveDatasets());

		complete(instance, CHECKPOINT, CHAMPION, Map.of("checkpointDecision", "STOP", "checkpointNotes",
				"Nobody used it", "publicReason", "The prototype showed little demand."));

		assertThat(instance).hasPassed("EndEvent_CheckpointStopped").hasNotPassed("EndEvent_MilestoneReached");
		assertThat(outputs(instance)).containsEntry("publicReason", "The prototype showed little demand.");
	}

	@Test
	void everyMilestoneHasItsCheckpointInTurn() {
		String reference = support.registerIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes");
		in.put("sponsorDepartment", "dept-mobility");
		in.put("champion", CHAMPION);
		in.put("objectives", "Safer cycling to school");
		in.put("milestones", JsonVariables.list(List.of(item("title", "First street", "dueDate", MILESTONE_DAY),
				item("title", "Second street", "dueDate", LATER_MILESTONE_DAY))));
		in.put("datasets", JsonVariables.list(fiveDatasets()));
		in.put("requestedAmountCents", 450050L);
		in.put("fundedInitiative", null);
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.PROTOTYPE, reference, in);

		assertThat(engine.getTaskService().getVariables(task(instance, CHECKPOINT).getId()))
			.containsEntry("milestoneTitle", "First street");
		passCheckpoint(instance);
		assertThat(engine.getTaskService().getVariables(task(instance, CHECKPOINT).getId()))
			.containsEntry("milestoneTitle", "Second street")
			.containsEntry("milestoneDue", LATER_MILESTONE_DAY);
		passCheckpoint(instance);

		planPublicCommitment(instance);
		assertThat(instance).isEnded().hasPassed("EndEvent_PrototypeReady");
	}

	@Test
	void anOverdueCheckpointRemindsTheChampionThenEscalatesToTheInnovationOffice() {
		ProcessInstance instance = buildPrototype(fiveDatasets());
		Task checkpoint = task(instance, CHECKPOINT);
		assertThat(checkpoint.getDueDate())
			.isEqualTo(java.sql.Timestamp.valueOf(LocalDate.of(2027, 1, 31).atStartOfDay()));

		List<Job> timers = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.activityId(CHECKPOINT)
			.orderByJobDuedate()
			.asc()
			.list();
		// reminded on the due day, overdue the same moment, escalated a week later
		assertThat(timers).hasSize(3);
		assertThat(timers.get(1).getDuedate()).isEqualTo(timers.get(0).getDuedate());
		engine.getManagementService().executeJob(timers.get(0).getId());
		engine.getManagementService().executeJob(timers.get(1).getId());
		assertThat(task(instance, CHECKPOINT).getPriority()).as("overdue").isEqualTo(80);
		engine.getManagementService().executeJob(timers.get(2).getId());

		Task escalated = task(instance, CHECKPOINT);
		assertThat(escalated.getPriority()).isEqualTo(100);
		assertThat(escalated.getAssignee()).isEqualTo(CHAMPION);
		assertThat(engine.getTaskService().getIdentityLinksForTask(escalated.getId()))
			.extracting(IdentityLink::getGroupId)
			.contains("innovation-office-leads");
	}

	// ---- open data: the threshold, the waiver, more datasets

	@Test
	void datasetsFromOneDepartmentOnlyDoNotMeetTheThreshold() {
		List<Map<String, Object>> oneDepartment = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			oneDepartment
				.add(item("title", "Traffic counts " + i, "ownerDepartment", "dept-mobility", "purpose", "Map"));
		}
		ProcessInstance instance = buildPrototype(oneDepartment);
		passCheckpoint(instance);

		assertThat(instance).isWaitingAt(WAIVER);
		assertThat(instance).variables()
			.containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 1)
			.containsEntry("openDataThresholdMet", false);
		assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance, WAIVER).getId()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("innovation-office");
	}

	@Test
	void tooFewPublishedDatasetsHoldThePrototypeUntilAWaiverIsGranted() {
		REFUSED_DATASETS.add("Air quality 1");
		ProcessInstance instance = buildPrototype(fiveDatasets());
		passCheckpoint(instance);

		assertThat(instance).isWaitingAt(WAIVER);
		assertThat(instance).variables().containsEntry("publishedDatasetCount", 4);

		complete(instance, WAIVER, INNOVATION_OFFICER,
				Map.of("waiverDecision", "WAIVE", "waiverReason", "Four datasets are enough for a street trial."));

		planPublicCommitment(instance);
		assertThat(instance).isEnded().hasPassed("EndEvent_PrototypeReady");
		assertThat(outputs(instance)).containsEntry("waiverDecision", "WAIVE")
			.containsEntry("waiverReason", "Four datasets are enough for a street trial.");
	}

	@Test
	void moreDatasetsCanBeRequestedUntilTheThresholdIsMet() {
		ProcessInstance instance = buildPrototype(fiveDatasets().subList(0, 3));
		passCheckpoint(instance);
		complete(instance, WAIVER, INNOVATION_OFFICER, Map.of("waiverDecision", "REQUEST_MORE_DATA"));
		assertThat(task(instance, MORE_DATASETS).getAssignee()).isEqualTo(CHAMPION);

		complete(instance, MORE_DATASETS, CHAMPION,
				Map.of("additionalDatasets", JsonVariables.list(fiveDatasets().subList(3, 5))));

		planPublicCommitment(instance);
		assertThat(instance).isEnded().hasPassed("EndEvent_PrototypeReady");
		assertThat(outputs(instance)).containsEntry("publishedDatasetCount", 5)
			.containsEntry("openDataThresholdMet", true);
	}

	@Test
	void theInnovationOfficeCanStopAPrototypeThatLacksData() {
		ProcessInstance instance = buildPrototype(List.of());
		passCheckpoint(instance);

		complete(instance, WAIVER, INNOVATION_OFFICER,
				Map.of("waiverDecision", "STOP", "publicReason", "The data the service needs cannot be opened."));

		assertThat(instance).hasPassed("EndEvent_StoppedForData").hasNotPassed("EndEvent_PrototypeReady");
		assertThat(outputs(instance)).containsEntry("publicReason", "The data the service needs cannot be opened.");
	}

	// ---- with the real models it calls

	@Test
	void theRealFundingRequestFundsThePrototypeFromTheSponsorsBudget() {
		// this test's latest funding-request is the real model, not the mock
		engine.getRepositoryService()
			.createDeployment()
			.name("real funding-request")
			.addClasspathResource("processes/funding-request.bpmn")
			.addClasspathResource("forms/approve-funding.form")
			.addClasspathResource("forms/confirm-funded-initiative.form")
			.addClasspathResource("forms/revise-funding-request.form")
			.deploy();
		long budgetBefore = budgets.remainingCents("dept-mobility", budgets.currentYear());
		ProcessInstance instance = buildPrototype(fiveDatasets());

		Task approval = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(instance.getBusinessKey())
			.taskDefinitionKey("Task_ApproveAsInnovationOffice")
			.singleResult();
		assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("innovation-office");
		support.submitAs(INNOVATION_OFFICER, approval.getId(), Map.of("approvalDecision", "APPROVE"));
		support.runJobs(instance);
		passCheckpoint(instance);

		planPublicCommitment(instance);
		assertThat(instance).isEnded().hasPassed("EndEvent_PrototypeReady");
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 450050L)
			.containsKey("fundingApprovers");
		assertThat(budgets.remainingCents("dept-mobility", budgets.currentYear())).isEqualTo(budgetBefore - 450050L);
	}

	@Test
	void theRealDataOpeningPublishesTheDatasetsTheThresholdCounts() {
		// this test's latest data-opening is the real model, not the mock
		engine.getRepositoryService()
			.createDeployment()
			.name("real data-opening")
			.addClasspathResource("processes/data-opening.bpmn")
			.addClasspathResource("forms/assess-dataset.form")
			.addClasspathResource("forms/review-personal-data.form")
			.addClasspathResource("forms/publish-dataset.form")
			.deploy();
		support.ensureUser("steward-mobility-prototype", "data-stewards-mobility");
		support.ensureUser("steward-environment-prototype", "data-stewards-environment");
		ProcessInstance instance = buildPrototype(fiveDatasets());
		passCheckpoint(instance);

		for (Task assessment : datasetTasks(instance, "Task_AssessDataset")) {
			support.submitAs(steward(assessment), assessment.getId(),
					Map.of("datasetAssessment", "CAN_OPEN", "containsPersonalData", "NO", "containsLocationData", "NO",
							"commerciallySensitive", "NO", "alreadyPublic", "NO"));
		}
		for (Task publication : datasetTasks(instance, "Task_PublishDataset")) {
			support.submitAs(steward(publication), publication.getId(),
					Map.of("catalogueTitle", "Counts", "catalogueDescription", "Traffic and air", "datasetLicence",
							"CC-BY-4.0", "datasetFormat", "CSV", "datasetUrl", "https://data.city.example/counts",
							"updateFrequency", "MONTHLY", "contactPoint", "opendata@city.example"));
		}
		support.runJobs(instance);

		planPublicCommitment(instance);
		assertThat(instance).isEnded().hasPassed("EndEvent_PrototypeReady");
		assertThat(outputs(instance)).containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 2);
		assertThat(catalogue.findAll()).filteredOn(dataset -> instance.getBusinessKey().equals(dataset.ideaReference()))
			.hasSize(5);
	}

	List<Task> datasetTasks(ProcessInstance instance, String taskDefinitionKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(instance.getBusinessKey())
			.taskDefinitionKey(taskDefinitionKey)
			.list();
	}

	String steward(Task task) {
		boolean mobility = engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.anyMatch(link -> "data-stewards-mobility".equals(link.getGroupId()));
		return mobility ? "steward-mobility-prototype" : "steward-environment-prototype";
	}

	// ---- the public commitment, the partnership at checkpoints, datasets of the
	// catalogue

	@Autowired
	PublicCommitments commitments;

	@Autowired
	Partners partners;

	@Autowired
	CatalogueLinks catalogueLinks;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	IdeaService ideas;

	List<NotificationKind> mailsAbout(String reference) {
		return notifications.findByIdeaIdOrderByCreatedAt(ideas.require(reference).id())
			.stream()
			.map(Notification::kind)
			.toList();
	}

	@Test
	void thePublicCommitmentBecomesAPublicFactAndTheCitizenIsTold() {
		ProcessInstance instance = buildPrototype(fiveDatasets());
		String reference = instance.getBusinessKey();

		planPublicCommitment(instance);

		assertThat(commitments.of(reference)).singleElement().satisfies(commitment -> {
			assertThat(commitment.moment()).isEqualTo(PublicCommitment.Moment.PRESS_CONFERENCE);
			assertThat(commitment.sponsorName()).isEqualTo("Maria Rossi");
			assertThat(commitment.sponsorOffice()).isEqualTo("Deputy Mayor for Mobility");
			assertThat(commitment.commitmentDate()).isEqualTo(LocalDate.now().plusDays(14));
			assertThat(commitment.promise()).isEqualTo("Protected bike lanes on two school routes by June.");
		});
		assertThat(mailsAbout(reference)).contains(NotificationKind.PUBLIC_COMMITMENT);
		assertThat(instance).hasPassed(COMMITMENT);
	}

	@Test
	void aCommitmentInThePastIsRefusedNamingTheField() {
		ProcessInstance instance = buildPrototype(fiveDatasets());
		Map<String, Object> form = new HashMap<>(commitment());
		form.put("commitmentDate", LocalDate.now().minusDays(1).toString());

		assertThatThrownBy(() -> complete(instance, COMMITMENT, COMMUNICATIONS, form)).hasMessageContaining("Date: ")
			.hasMessageContaining("has passed");
		assertThat(commitments.of(instance.getBusinessKey())).isEmpty();
	}

	/** Two partners as the co-design records them; the first is shown in public. */
	List<Partner> partnership(String reference) {
		return partners.join(reference,
				List.of(partner("University of the City", "UNIVERSITY", "Measures the traffic", true),
						partner("Cycling club", "CIVIC_GROUP", "Tests the lanes", false)));
	}

	static Map<String, Object> partner(String organisation, String kind, String role, boolean publicListing) {
		Map<String, Object> partner = item("organisation", organisation, "kind", kind, "role", role, "contactPerson",
				"Contact of " + organisation, "email", organisation.replace(' ', '.').toLowerCase() + "@example.org");
		partner.put("publicListing", publicListing);
		return partner;
	}

	/** The idea's partners joined at co-design, before its prototype started. */
	ProcessInstance buildPrototypeWithPartners() {
		String reference = support.registerIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		partnership(reference);
		return engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.PROTOTYPE, reference, startVariables(reference));
	}

	Map<String, Object> startVariables(String reference) {
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes");
		in.put("sponsorDepartment", "dept-mobility");
		in.put("champion", CHAMPION);
		in.put("objectives", "Safer cycling to school");
		in.put("milestones",
				JsonVariables.list(List.of(item("title", "Prototype on one street", "dueDate", MILESTONE_DAY))));
		in.put("datasets", JsonVariables.list(fiveDatasets()));
		in.put("requestedAmountCents", 450050L);
		in.put("fundedInitiative", null);
		return in;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(Object json) {
		return ((org.camunda.spin.json.SpinJsonNode) json).mapTo(List.class);
	}

	@Test
	void aCheckpointIsAssessedTogetherWithThePartnersAndThePartnershipMayChange() {
		ProcessInstance instance = buildPrototypeWithPartners();
		String reference = instance.getBusinessKey();
		List<Partner> before = partners.current(reference);
		Task checkpoint = task(instance, CHECKPOINT);
		// what Tasklist shows: one view per partner, and the partners to choose from
		Map<String, Object> shown = engine.getTaskService().getVariables(checkpoint.getId());
		assertThat(items(shown.get("partnerViews"))).extracting(view -> view.get("organisation"))
			.containsExactly("University of the City (Measures the traffic)", "Cycling club (Tests the lanes)");

		Map<String, Object> form = new HashMap<>();
		form.put("checkpointDecision", "CONTINUE");
		form.put("partnerViews", JsonVariables.list(List.of(item("opinion", "AGREE"),
				item("opinion", "COMMENT", "opinionComment", "Wider lanes near the school, please"))));
		form.put("changePartnership", true);
		form.put("leavingPartners", JsonVariables.list(List.of(String.valueOf(before.get(1).id()))));
		form.put("newPartners",
				JsonVariables.list(List.of(partner("Innovation hub", "INNOVATION_HUB", "Builds the app", true))));
		complete(instance, CHECKPOINT, CHAMPION, form);

		CheckpointAssessment assessment = partners.assessments(reference).get(0);
		assertThat(assessment.milestone()).isEqualTo("Prototype on one street");
		assertThat(assessment.decision()).isEqualTo("CONTINUE");
		assertThat(assessment.assessedBy()).isEqualTo(CHAMPION);
		assertThat(partners.opinions(assessment))
			.extracting(PartnerOpinion::partnerId, PartnerOpinion::opinion, PartnerOpinion::opinionComment)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(before.get(0).id(), "AGREE", null),
					org.assertj.core.groups.Tuple.tuple(before.get(1).id(), "COMMENT",
							"Wider lanes near the school, please"));
		assertThat(partners.current(reference)).extracting(Partner::organisation)
			.containsExactly("University of the City", "Innovation hub");
		assertThat(partners.publicPartners(reference)).extracting(PublicPartner::organisation)
			.containsExactly("University of the City", "Innovation hub");
		// the partners of the checkpoint hear of it, the new one is welcomed
		assertThat(mailsAbout(reference)).filteredOn(NotificationKind::toPartner)
			.containsExactlyInAnyOrder(NotificationKind.PARTNER_JOINED, NotificationKind.PARTNER_JOINED,
					NotificationKind.PARTNER_CHECKPOINT, NotificationKind.PARTNER_CHECKPOINT,
					NotificationKind.PARTNER_JOINED);
		// the contacts are in the partner table only, never in the process or its history
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableNameIn("newPartners")
			.includeDeleted()
			.list()).isEmpty();
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("newPartners",
				"leavingPartners", "changePartnership");
	}

	@Test
	void aCheckpointWithPartnersNeedsTheViewOfEach() {
		ProcessInstance instance = buildPrototypeWithPartners();

		assertThatThrownBy(() -> complete(instance, CHECKPOINT, CHAMPION,
				Map.of("checkpointDecision", "CONTINUE", "partnerViews",
						JsonVariables.list(List.of(item("opinion", "AGREE"))))))
			.hasMessageContaining("Views of the partners: give the view of each of the 2 partners");
		assertThatThrownBy(() -> complete(instance, CHECKPOINT, CHAMPION,
				Map.of("checkpointDecision", "CONTINUE", "partnerViews",
						JsonVariables.list(List.of(item("opinion", "AGREE"), item("opinion", "COMMENT"))))))
			.hasMessageContaining("Views of the partners: entry 2: write the partner's comment.");
		assertThatThrownBy(() -> complete(instance, CHECKPOINT, CHAMPION,
				Map.of("checkpointDecision", "CONTINUE", "partnerViews",
						JsonVariables.list(List.of(item("opinion", "AGREE"), item("opinion", "MAYBE"))))))
			.hasMessageContaining("'MAYBE' is not one of the choices for View");
		assertThat(partners.assessments(instance.getBusinessKey())).isEmpty();
	}

	@Test
	void aDatasetAlreadyInTheCatalogueCountsTowardTheThresholdWithoutBeingOpenedAgain() {
		String existing = "environment-air-quality-" + java.util.UUID.randomUUID().toString().substring(0, 6);
		catalogue.save(new PublishedDataset(existing, null, "Air quality", "Hourly air quality per station.",
				"dept-environment", "CC-BY-4.0", "CSV", "https://data.city.example/air.csv", "DAILY", "air",
				"green@city.example", java.time.Instant.now(), true));
		List<Map<String, Object>> fourFromMobility = fiveDatasets().subList(0, 3);
		List<Map<String, Object>> datasets = new ArrayList<>(fourFromMobility);
		datasets.add(item("title", "Bike counts", "ownerDepartment", "dept-mobility", "purpose", "Map"));
		String reference = support.registerIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		// named at co-design, twice (after a change of direction): it counts once
		catalogueLinks.link(reference, List.of(existing));
		catalogueLinks.link(reference, List.of(existing));
		Map<String, Object> in = startVariables(reference);
		in.put("datasets", JsonVariables.list(datasets));

		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.PROTOTYPE, reference, in);
		passCheckpoint(instance);
		planPublicCommitment(instance);

		assertThat(instance).isEnded().hasPassed("EndEvent_PrototypeReady").hasNotPassed(WAIVER);
		assertThat(outputs(instance)).containsEntry("publishedDatasetCount", 5)
			.containsEntry("publishingDepartmentCount", 2);
	}

}
