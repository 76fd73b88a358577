package city.ideatoservice.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * data-opening on its own, started the way CallActivity_OpenDataset of idea-to-service
 * starts it for one dataset: the owning department's steward assesses it, the DMN
 * data-classification decides on a privacy review, the privacy office reviews, the
 * steward publishes it in the catalogue. Every task is submitted through the form service
 * as Tasklist does, by a logged-in user with their groups (authorization is on).
 * Catalogue entries are kept by idea reference, so every test uses a fresh one.
 */
@IdeaToServiceTest
class DataOpeningProcessTest {

	static final String ASSESS = "Task_AssessDataset";

	static final String REVIEW = "Task_ReviewPersonalData";

	static final String PUBLISH = "Task_PublishDataset";

	static final String MOBILITY_STEWARD = "steward-mobility";

	static final String ENVIRONMENT_STEWARD = "steward-environment";

	static final String PRIVACY_OFFICER = "privacy-officer";

	static final String ENVIRONMENT = "dept-environment";

	@Autowired
	ProcessTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	PublishedDatasetRepository catalogue;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		for (String key : List.of("mobility", "environment", "social-services", "urban-planning", "culture")) {
			ensureUser("steward-" + key, "data-stewards-" + key, "dept-" + key);
		}
		ensureUser(PRIVACY_OFFICER, Groups.PRIVACY_OFFICE);
	}

	void ensureUser(String id, String... groups) {
		support.ensureUser(id, groups);
	}

	// ---------------------------------------------------------------- starting, working
	// and reading the process

	static String newReference() {
		return ProcessTestSupport.newReference();
	}

	/**
	 * The variables CallActivity_OpenDataset passes in (camunda:in) for one item of the
	 * datasets list.
	 */
	ProcessInstance requestDataset(String ownerDepartment) {
		String reference = newReference();
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Clean routes to school");
		in.put("datasetTitle", "Air quality");
		in.put("datasetOwnerDepartment", ownerDepartment);
		in.put("datasetPurpose", "Map of clean routes");
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.DATA_OPENING, reference, in);
	}

	ProcessInstance requestEnvironmentDataset() {
		return requestDataset(ENVIRONMENT);
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
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	String formKey(Task task) {
		return engine.getTaskService()
			.createTaskQuery()
			.taskId(task.getId())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef()
			.getKey();
	}

	/**
	 * The open tasks of this instance a user finds in Tasklist: candidate-user query
	 * under their own login.
	 */
	List<String> tasksSeenBy(String user, ProcessInstance instance) {
		return asUser(user,
				() -> engine.getTaskService()
					.createTaskQuery()
					.taskCandidateUser(user)
					.processInstanceId(instance.getId())
					.list()
					.stream()
					.map(Task::getTaskDefinitionKey)
					.toList());
	}

	<T> T asUser(String user, java.util.function.Supplier<T> action) {
		return support.asUser(user, action);
	}

	static Map<String, Object> form(Object... keyValues) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put((String) keyValues[i], keyValues[i + 1]);
		}
		return form;
	}

	/**
	 * Submits a task's form as the user would in Tasklist: logged in, with their groups.
	 */
	void submit(String taskId, String user, Map<String, Object> form) {
		support.submitAs(user, taskId, form);
	}

	/** Someone allowed to work the task: a member of its (first) candidate group. */
	static String workerOf(List<String> candidateGroups) {
		String group = candidateGroups.get(0);
		if (Groups.PRIVACY_OFFICE.equals(group)) {
			return PRIVACY_OFFICER;
		}
		assertThat(group).startsWith("data-stewards-");
		return "steward-" + group.substring("data-stewards-".length());
	}

	void decide(ProcessInstance instance, String taskDefinitionKey, Map<String, Object> form) {
		Task task = task(instance, taskDefinitionKey);
		submit(task.getId(), workerOf(candidateGroups(task)), form);
	}

	void decide(ProcessInstance instance, String taskDefinitionKey, Object... keyValues) {
		decide(instance, taskDefinitionKey, form(keyValues));
	}

	/**
	 * "Assess dataset request": can be opened, with the four answers the classification
	 * decides on.
	 */
	void assess(ProcessInstance instance, String assessment, String personal, String location, String commercial,
			String alreadyPublic, Object... more) {
		Map<String, Object> form = form(more);
		form.put("datasetAssessment", assessment);
		form.put("containsPersonalData", personal);
		form.put("containsLocationData", location);
		form.put("commerciallySensitive", commercial);
		form.put("alreadyPublic", alreadyPublic);
		decide(instance, ASSESS, form);
	}

	/** A complete "Prepare and publish dataset" form. */
	static Map<String, Object> publishForm(Object... overrides) {
		Map<String, Object> form = form("catalogueTitle", "Air quality measurements", "catalogueDescription",
				"Hourly NO2 and PM10 values of the city's twelve measuring stations.", "datasetLicence", "CC-BY-4.0",
				"datasetFormat", "CSV", "datasetUrl", "https://opendata.city.example/air-quality.csv",
				"updateFrequency", "DAILY", "datasetKeywords", "air, pollution, health", "contactPoint",
				"opendata@environment.city.example");
		Map<String, Object> changes = form(overrides);
		changes.forEach((key, value) -> {
			if (value == null) {
				form.remove(key);
			}
			else {
				form.put(key, value);
			}
		});
		return form;
	}

	void publish(ProcessInstance instance, Object... overrides) {
		decide(instance, PUBLISH, publishForm(overrides));
	}

	/**
	 * The process instance's own variables in history: what CallActivity_OpenDataset
	 * passes back out.
	 */
	Map<String, Object> outputs(ProcessInstance instance) {
		Map<String, Object> values = new HashMap<>();
		for (HistoricVariableInstance variable : engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()) {
			if (variable.getTaskId() == null && instance.getId().equals(variable.getActivityInstanceId())) {
				values.put(variable.getName(), variable.getValue());
			}
		}
		return values;
	}

	Object variable(ProcessInstance instance, String name) {
		return engine.getRuntimeService().getVariable(instance.getId(), name);
	}

	List<PublishedDataset> catalogueEntries(ProcessInstance instance) {
		return catalogue.findAll()
			.stream()
			.filter(dataset -> instance.getBusinessKey().equals(dataset.ideaReference()))
			.toList();
	}

	/**
	 * The form is refused naming the field; the task stays open and nothing is published.
	 */
	void assertRefused(ProcessInstance instance, String taskDefinitionKey, String field, Map<String, Object> form) {
		Task task = task(instance, taskDefinitionKey);
		assertThatThrownBy(() -> submit(task.getId(), workerOf(candidateGroups(task)), form))
			.isInstanceOf(FormFieldValidationException.class)
			.extracting(refused -> ((FormFieldValidationException) refused).<Object>getDetail())
			.as("the field refused")
			.isEqualTo(field);
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open")
			.isEqualTo(1);
		assertThat(instance).isWaitingAt(taskDefinitionKey);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("datasetOutcome",
				"catalogueId");
		assertThat(catalogueEntries(instance)).isEmpty();
	}

	void assertPublishRefused(ProcessInstance instance, String field, Object... overrides) {
		assertRefused(instance, PUBLISH, field, publishForm(overrides));
	}

	List<Job> timers(ProcessInstance instance) {
		return support.timers(instance);
	}

	/**
	 * The task is due after its configured time and has its reminder and escalation
	 * timers.
	 */
	void assertDeadlines(ProcessInstance instance, String taskDefinitionKey, Duration due, Duration reminder,
			Duration escalation) {
		Task task = task(instance, taskDefinitionKey);
		Instant created = task.getCreateTime().toInstant();
		assertThat(task.getDueDate()).as("due date of %s", taskDefinitionKey).isNotNull();
		assertThat(task.getDueDate().toInstant()).isCloseTo(created.plus(due), within(Duration.ofMinutes(1)));
		List<Job> timers = timers(instance);
		assertThat(timers).as("reminder, overdue and escalation timers of %s", taskDefinitionKey).hasSize(3);
		assertThat(timers.get(0).getDuedate().toInstant()).isCloseTo(created.plus(reminder),
				within(Duration.ofMinutes(1)));
		assertThat(timers.get(1).getDuedate()).as("overdue").isCloseTo(task.getDueDate(), 1000);
		assertThat(timers.get(2).getDuedate().toInstant()).isCloseTo(created.plus(escalation),
				within(Duration.ofMinutes(1)));
	}

	// ---------------------------------------------------------------- who assesses

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "dept-mobility, data-stewards-mobility", "dept-environment, data-stewards-environment",
			"dept-social-services, data-stewards-social-services", "dept-urban-planning, data-stewards-urban-planning",
			"dept-culture, data-stewards-culture" })
	void theOwningDepartmentsStewardsAssess(String ownerDepartment, String stewardsGroup) {
		ProcessInstance instance = requestDataset(ownerDepartment);

		assertThat(instance).isStarted().isWaitingAtExactly(ASSESS);
		Task task = task(instance, ASSESS);
		assertThat(task).hasCandidateGroup(stewardsGroup).isNotAssigned().hasName("Assess dataset request");
		assertThat(candidateGroups(task)).containsExactly(stewardsGroup);
		assertThat(formKey(task)).isEqualTo("assess-dataset");
		assertThat(tasksSeenBy(workerOf(List.of(stewardsGroup)), instance)).containsExactly(ASSESS);
	}

	@Test
	void aStewardOfAnotherDepartmentNeitherSeesNorCompletesTheStewardsTasks() {
		ProcessInstance instance = requestEnvironmentDataset();
		Task assessment = task(instance, ASSESS);

		assertThat(tasksSeenBy(ENVIRONMENT_STEWARD, instance)).containsExactly(ASSESS);
		assertThat(tasksSeenBy(MOBILITY_STEWARD, instance)).isEmpty();
		assertThat(tasksSeenBy(PRIVACY_OFFICER, instance)).isEmpty();
		assertThatThrownBy(() -> submit(assessment.getId(), MOBILITY_STEWARD,
				form("datasetAssessment", "CANNOT_OPEN", "datasetReason", "Not ours to give")))
			.isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt(ASSESS);
		assertThat(variable(instance, "datasetAssessment")).isNull();

		assess(instance, "CAN_OPEN", "NO", "NO", "NO", "NO");
		Task publication = task(instance, PUBLISH);

		assertThat(candidateGroups(publication)).containsExactly("data-stewards-environment");
		assertThat(tasksSeenBy(ENVIRONMENT_STEWARD, instance)).containsExactly(PUBLISH);
		assertThat(tasksSeenBy(MOBILITY_STEWARD, instance)).isEmpty();
		assertThatThrownBy(() -> submit(publication.getId(), MOBILITY_STEWARD, publishForm()))
			.isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt(PUBLISH);
		assertThat(catalogueEntries(instance)).isEmpty();
	}

	@Test
	void anUnknownOwnerDepartmentIsNotStarted() {
		assertThatThrownBy(() -> requestDataset("dept-unknown")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("dept-unknown");
	}

	// ---------------------------------------------------------------- the assessment

	@Test
	void cannotOpenNeedsAReasonAndRefusesTheDataset() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, ASSESS, "datasetReason", form("datasetAssessment", "CANNOT_OPEN"));
		assertRefused(instance, ASSESS, "datasetReason",
				form("datasetAssessment", "CANNOT_OPEN", "datasetReason", " "));
		assertRefused(instance, ASSESS, "datasetReason",
				form("datasetAssessment", "CANNOT_OPEN", "datasetReason", "x".repeat(2001)));

		decide(instance, ASSESS, "datasetAssessment", "CANNOT_OPEN", "datasetReason",
				"The data belongs to the regional air agency.");

		assertThat(instance)
			.hasPassedInOrder("StartEvent_DatasetRequested", ASSESS, "Gateway_Openable", "EndEvent_RefusedByDepartment")
			.hasNotPassed("Task_ClassifyDataset", REVIEW, PUBLISH)
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("datasetOutcome", "REFUSED")
			.containsEntry("datasetReason", "The data belongs to the regional air agency.");
		assertThat(out.get("catalogueId")).isNull();
		assertThat(catalogueEntries(instance)).isEmpty();
		assertThat(timers(instance)).isEmpty();
	}

	@Test
	void anIncompleteAssessmentIsRefused() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, ASSESS, "datasetAssessment", form("containsPersonalData", "NO"));
		assertRefused(instance, ASSESS, "datasetAssessment", form("datasetAssessment", "MAYBE"));
		assertRefused(instance, ASSESS, "containsPersonalData", form("datasetAssessment", "CAN_OPEN",
				"containsLocationData", "NO", "commerciallySensitive", "NO", "alreadyPublic", "NO"));
		assertRefused(instance, ASSESS, "containsPersonalData",
				form("datasetAssessment", "CAN_OPEN", "containsPersonalData", "yes", "containsLocationData", "NO",
						"commerciallySensitive", "NO", "alreadyPublic", "NO"));
		assertRefused(instance, ASSESS, "alreadyPublic", form("datasetAssessment", "CAN_OPEN", "containsPersonalData",
				"NO", "containsLocationData", "NO", "commerciallySensitive", "NO"));
		assertRefused(instance, ASSESS, "openingConditions",
				form("datasetAssessment", "CAN_OPEN_WITH_CONDITIONS", "containsPersonalData", "NO",
						"containsLocationData", "NO", "commerciallySensitive", "NO", "alreadyPublic", "NO"));
		assertRefused(instance, ASSESS, "openingConditions",
				form("datasetAssessment", "CAN_OPEN_WITH_CONDITIONS", "openingConditions", "x".repeat(2001),
						"containsPersonalData", "NO", "containsLocationData", "NO", "commerciallySensitive", "NO",
						"alreadyPublic", "NO"));
		assertThat(instance).hasNotPassed("Task_ClassifyDataset");
	}

	// ---------------------------------------------------------------- nothing sensitive:
	// straight to publishing

	@Test
	void harmlessDataIsPublishedWithoutAPrivacyReview() {
		ProcessInstance instance = requestEnvironmentDataset();

		// a reason typed before changing the assessment is not passed out
		assess(instance, "CAN_OPEN", "NO", "NO", "NO", "NO", "datasetReason", "typed first");

		assertThat(instance)
			.hasPassedInOrder(ASSESS, "Task_ClassifyDataset", "Gateway_PrivacyReview", "Gateway_PublishMerge")
			.hasNotPassed(REVIEW)
			.isWaitingAtExactly(PUBLISH);
		assertThat(variable(instance, "privacyReviewRequired")).isEqualTo(false);
		assertThat(variable(instance, "anonymisationRequired")).isEqualTo(false);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("classification");
		Task task = task(instance, PUBLISH);
		assertThat(task).hasName("Prepare and publish dataset");
		assertThat(candidateGroups(task)).containsExactly("data-stewards-environment");
		assertThat(formKey(task)).isEqualTo("publish-dataset");
		assertThat(engine.getTaskService().getVariable(task.getId(), "catalogueTitle")).as("proposed from the request")
			.isEqualTo(variable(instance, "datasetTitle"));

		publish(instance);

		assertThat(instance).hasPassedInOrder(PUBLISH, "EndEvent_DatasetPublished").isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("datasetOutcome", "PUBLISHED");
		assertThat(out.get("datasetReason")).isNull();
		String catalogueId = (String) out.get("catalogueId");
		assertThat(catalogueId).matches("environment-air-quality-measurements-[0-9a-f]{6}");

		assertThat(catalogueEntries(instance)).singleElement().satisfies(dataset -> {
			assertThat(dataset.catalogueId()).isEqualTo(catalogueId);
			assertThat(dataset.ideaReference()).isEqualTo(instance.getBusinessKey());
			assertThat(dataset.title()).isEqualTo("Air quality measurements");
			assertThat(dataset.description()).startsWith("Hourly NO2");
			assertThat(dataset.publisherDepartment()).isEqualTo(ENVIRONMENT);
			assertThat(dataset.licence()).isEqualTo("CC-BY-4.0");
			assertThat(dataset.format()).isEqualTo("CSV");
			assertThat(dataset.accessUrl()).isEqualTo("https://opendata.city.example/air-quality.csv");
			assertThat(dataset.updateFrequency()).isEqualTo("DAILY");
			assertThat(dataset.keywords()).isEqualTo("air,pollution,health");
			assertThat(dataset.contactPoint()).isEqualTo("opendata@environment.city.example");
			assertThat(dataset.issuedAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
		});
		assertThat(catalogue.findById(catalogueId)).isPresent();
		assertThat(timers(instance)).isEmpty();
	}

	@Test
	void dataThatIsPublicAlreadyNeedsNoReviewEvenWithPersonalData() {
		ProcessInstance instance = requestEnvironmentDataset();

		assess(instance, "CAN_OPEN", "YES", "YES", "YES", "YES");

		assertThat(instance).hasNotPassed(REVIEW).isWaitingAtExactly(PUBLISH);
		assertThat(variable(instance, "anonymisationRequired")).isEqualTo(false);
		publish(instance);
		assertThat(outputs(instance)).containsEntry("datasetOutcome", "PUBLISHED");
	}

	@Test
	void openingWithConditionsNeedsTheConditionsAndPassesThemOn() {
		ProcessInstance instance = requestEnvironmentDataset();

		assess(instance, "CAN_OPEN_WITH_CONDITIONS", "NO", "NO", "NO", "NO", "openingConditions",
				"Aggregated per district, monthly.");

		assertThat(instance).isWaitingAtExactly(PUBLISH);
		assertThat(variable(instance, "openingConditions")).isEqualTo("Aggregated per district, monthly.");
		publish(instance, "updateFrequency", "MONTHLY");
		assertThat(instance).hasPassed("EndEvent_DatasetPublished").isEnded();
		assertThat(catalogueEntries(instance)).singleElement()
			.extracting(PublishedDataset::updateFrequency)
			.isEqualTo("MONTHLY");
	}

	@Test
	void commerciallySensitiveDataIsPublishedOnlyConfirmedAnonymisedWithoutAReview() {
		ProcessInstance instance = requestEnvironmentDataset();

		assess(instance, "CAN_OPEN", "NO", "NO", "YES", "NO");

		assertThat(instance).hasNotPassed(REVIEW).isWaitingAtExactly(PUBLISH);
		assertThat(variable(instance, "anonymisationRequired")).isEqualTo(true);
		assertPublishRefused(instance, "anonymisationConfirmed");
		assertPublishRefused(instance, "anonymisationConfirmed", "anonymisationConfirmed", false);

		publish(instance, "anonymisationConfirmed", true);
		assertThat(outputs(instance)).containsEntry("datasetOutcome", "PUBLISHED");
	}

	// ---------------------------------------------------------------- the privacy office

	@Test
	void personalDataIsReviewedByThePrivacyOfficeOnly() {
		ProcessInstance instance = requestEnvironmentDataset();

		assess(instance, "CAN_OPEN", "YES", "NO", "NO", "NO");

		assertThat(instance).hasPassedInOrder("Task_ClassifyDataset", "Gateway_PrivacyReview")
			.isWaitingAtExactly(REVIEW);
		assertThat(variable(instance, "privacyReviewRequired")).isEqualTo(true);
		assertThat(variable(instance, "anonymisationRequired")).isEqualTo(true);
		Task review = task(instance, REVIEW);
		assertThat(review).hasName("Review personal data").isNotAssigned();
		assertThat(candidateGroups(review)).containsExactly(Groups.PRIVACY_OFFICE);
		assertThat(formKey(review)).isEqualTo("review-personal-data");
		// the steward's answers as words, not as disabled radios
		assertThat((String) engine.getTaskService().getVariableLocal(review.getId(), "decisionFacts")).isEqualTo("""
				- Contains personal data: yes
				- Contains exact locations: no
				- Commercially sensitive: no
				- Already public somewhere: no
				- Assessment: Can open""");
		assertThat(tasksSeenBy(PRIVACY_OFFICER, instance)).containsExactly(REVIEW);
		assertThat(tasksSeenBy(ENVIRONMENT_STEWARD, instance)).isEmpty();
		assertThatThrownBy(() -> submit(review.getId(), ENVIRONMENT_STEWARD, form("privacyDecision", "APPROVE")))
			.isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt(REVIEW);

		assertRefused(instance, REVIEW, "privacyDecision", form());
		assertRefused(instance, REVIEW, "privacyDecision", form("privacyDecision", "OK"));
	}

	@Test
	void approvedAsItIsIsPublishedWithoutAnonymisation() {
		ProcessInstance instance = requestEnvironmentDataset();
		assess(instance, "CAN_OPEN", "YES", "NO", "NO", "NO");

		decide(instance, REVIEW, "privacyDecision", "APPROVE");

		assertThat(instance).hasPassedInOrder(REVIEW, "Gateway_PrivacyDecision", "Gateway_PublishMerge")
			.isWaitingAtExactly(PUBLISH);
		assertThat(candidateGroups(task(instance, PUBLISH))).containsExactly("data-stewards-environment");
		// "Can be published as it is": the steward is not asked to confirm an
		// anonymisation nobody asked for
		assertThat(variable(instance, "anonymisationRequired")).as("anonymisationRequired after APPROVE")
			.isEqualTo(false);
		publish(instance);
		assertThat(instance).hasPassed("EndEvent_DatasetPublished").isEnded();
		assertThat(outputs(instance)).containsEntry("datasetOutcome", "PUBLISHED");
	}

	@Test
	void approvedAfterAnonymisationNeedsInstructionsAndAConfirmedAnonymisation() {
		ProcessInstance instance = requestEnvironmentDataset();
		assess(instance, "CAN_OPEN", "YES", "YES", "NO", "NO");

		assertRefused(instance, REVIEW, "anonymisationInstructions",
				form("privacyDecision", "APPROVE_AFTER_ANONYMISATION"));
		assertRefused(instance, REVIEW, "anonymisationInstructions",
				form("privacyDecision", "APPROVE_AFTER_ANONYMISATION", "anonymisationInstructions", "x".repeat(2001)));
		decide(instance, REVIEW, "privacyDecision", "APPROVE_AFTER_ANONYMISATION", "anonymisationInstructions",
				"Remove names; round coordinates to 100 m.");

		assertThat(instance).isWaitingAtExactly(PUBLISH);
		assertThat(variable(instance, "anonymisationRequired")).isEqualTo(true);
		assertThat(variable(instance, "anonymisationInstructions"))
			.isEqualTo("Remove names; round coordinates to 100 m.");
		assertPublishRefused(instance, "anonymisationConfirmed");
		assertPublishRefused(instance, "anonymisationConfirmed", "anonymisationConfirmed", false);

		publish(instance, "anonymisationConfirmed", true);

		assertThat(instance).hasPassed("EndEvent_DatasetPublished").isEnded();
		assertThat(outputs(instance)).containsEntry("datasetOutcome", "PUBLISHED");
		assertThat(catalogueEntries(instance)).hasSize(1);
	}

	@Test
	void refusedByThePrivacyOfficeNeedsAReasonAndIsNotPublished() {
		ProcessInstance instance = requestEnvironmentDataset();
		assess(instance, "CAN_OPEN", "YES", "NO", "NO", "NO");

		assertRefused(instance, REVIEW, "datasetReason", form("privacyDecision", "REFUSE"));
		assertRefused(instance, REVIEW, "datasetReason", form("privacyDecision", "REFUSE", "datasetReason", "  "));
		decide(instance, REVIEW, "privacyDecision", "REFUSE", "datasetReason",
				"Individual health records cannot be anonymised reliably.");

		assertThat(instance).hasPassedInOrder(REVIEW, "Gateway_PrivacyDecision", "EndEvent_RefusedByPrivacyOffice")
			.hasNotPassed(PUBLISH)
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("datasetOutcome", "REFUSED")
			.containsEntry("datasetReason", "Individual health records cannot be anonymised reliably.");
		assertThat(out.get("catalogueId")).isNull();
		assertThat(catalogueEntries(instance)).isEmpty();
		assertThat(timers(instance)).isEmpty();
	}

	@Test
	void exactLocationsAreReviewedWithoutAnonymisation() {
		ProcessInstance instance = requestEnvironmentDataset();

		assess(instance, "CAN_OPEN", "NO", "YES", "NO", "NO");

		assertThat(instance).isWaitingAtExactly(REVIEW);
		assertThat(variable(instance, "privacyReviewRequired")).isEqualTo(true);
		assertThat(variable(instance, "anonymisationRequired")).isEqualTo(false);
		decide(instance, REVIEW, "privacyDecision", "APPROVE");
		assertThat(instance).isWaitingAtExactly(PUBLISH);

		publish(instance, "datasetFormat", "GEOJSON");

		assertThat(instance).hasPassed("EndEvent_DatasetPublished").isEnded();
		assertThat(outputs(instance)).containsEntry("datasetOutcome", "PUBLISHED");
	}

	// ---------------------------------------------------------------- the catalogue
	// entry

	ProcessInstance readyToPublish() {
		ProcessInstance instance = requestEnvironmentDataset();
		assess(instance, "CAN_OPEN", "NO", "NO", "NO", "NO");
		assertThat(instance).isWaitingAtExactly(PUBLISH);
		return instance;
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "opendata.city.example/air.csv", "ftp://opendata.city.example/air.csv",
			"https://", "https://open data.city.example", "javascript:alert(1)", "mailto:opendata@city.example" })
	void aBadWebAddressIsRefused(String url) {
		assertPublishRefused(readyToPublish(), "datasetUrl", "datasetUrl", url);
	}

	@Test
	void aMissingOrTooLongWebAddressIsRefused() {
		ProcessInstance instance = readyToPublish();

		assertPublishRefused(instance, "datasetUrl", "datasetUrl", null);
		assertPublishRefused(instance, "datasetUrl", "datasetUrl", "https://city.example/" + "x".repeat(500));
	}

	@ParameterizedTest
	@CsvSource({ "datasetLicence, MIT", "datasetLicence, cc-by-4.0", "datasetLicence, All rights reserved",
			"datasetFormat, PDF", "datasetFormat, csv", "updateFrequency, HOURLY", "updateFrequency, daily",
			"updateFrequency, YEARLY" })
	void anUnknownChoiceIsRefused(String field, String value) {
		assertPublishRefused(readyToPublish(), field, field, value);
	}

	@Test
	void everyRequiredCatalogueFieldIsNeeded() {
		ProcessInstance instance = readyToPublish();

		for (String field : List.of("catalogueDescription", "datasetLicence", "datasetFormat", "datasetUrl",
				"updateFrequency", "contactPoint")) {
			assertPublishRefused(instance, field, field, null);
		}
		// the title starts as the requested dataset's name: a title cleared in the form
		// is refused
		assertPublishRefused(instance, "catalogueTitle", "catalogueTitle", "");
		assertPublishRefused(instance, "catalogueTitle", "catalogueTitle", "x".repeat(201));
		assertPublishRefused(instance, "catalogueDescription", "catalogueDescription", "x".repeat(4001));
	}

	@ParameterizedTest
	@ValueSource(strings = { "opendata", "opendata@", "@city.example", "open data@city.example", "opendata@city",
			"a@b@city.example" })
	void aBadContactAddressIsRefused(String contact) {
		assertPublishRefused(readyToPublish(), "contactPoint", "contactPoint", contact);
	}

	@Test
	void moreThanTwentyKeywordsAreRefused() {
		ProcessInstance instance = readyToPublish();
		String keywords = String.join(", ", IntStream.rangeClosed(1, 21).mapToObj(i -> "keyword" + i).toList());

		assertPublishRefused(instance, "datasetKeywords", "datasetKeywords", keywords);
		List<Object> asList = new ArrayList<>(IntStream.rangeClosed(1, 21).mapToObj(i -> "keyword" + i).toList());
		assertPublishRefused(instance, "datasetKeywords", "datasetKeywords", asList);
	}

	@Test
	void repeatedAndEmptyKeywordsAreDropped() {
		ProcessInstance instance = readyToPublish();

		publish(instance, "datasetKeywords", "a, b, a, , ");

		assertThat(catalogueEntries(instance)).singleElement().extracting(PublishedDataset::keywords).isEqualTo("a,b");
	}

	@Test
	void keywordsAreKeptInOrder() {
		ProcessInstance instance = readyToPublish();

		publish(instance, "datasetKeywords", "parking, bicycles, parking");

		assertThat(catalogueEntries(instance)).singleElement()
			.extracting(PublishedDataset::keywords)
			.isEqualTo("parking,bicycles");
	}

	@Test
	void twentyKeywordsOfFiftyCharactersFitTheCatalogue() {
		ProcessInstance instance = readyToPublish();
		String keywords = String.join(", ", IntStream.rangeClosed(10, 29).mapToObj(i -> i + "x".repeat(48)).toList());

		publish(instance, "datasetKeywords", keywords);

		assertThat(instance).isEnded();
		assertThat(catalogueEntries(instance)).singleElement()
			.extracting(dataset -> dataset.keywords().split(",").length)
			.isEqualTo(20);
	}

	@Test
	void noKeywordsIsFine() {
		ProcessInstance instance = readyToPublish();

		publish(instance, "datasetKeywords", null);

		assertThat(instance).isEnded();
		assertThat(catalogueEntries(instance)).singleElement()
			.satisfies(dataset -> assertThat(dataset.keywords()).isNullOrEmpty());
	}

	@Test
	void twoPublicationsOfTheSameTitleGetTheirOwnCatalogueIds() {
		ProcessInstance first = readyToPublish();
		ProcessInstance second = readyToPublish();

		publish(first);
		publish(second);

		assertThat(outputs(first).get("catalogueId")).isNotEqualTo(outputs(second).get("catalogueId"));
		assertThat(catalogueEntries(first)).hasSize(1);
		assertThat(catalogueEntries(second)).hasSize(1);
	}

	// ---------------------------------------------------------------- deadlines

	@Test
	void everyTaskHasADueDateAReminderAndAnEscalation() {
		ProcessInstance instance = requestEnvironmentDataset();
		assertDeadlines(instance, ASSESS, Duration.ofDays(10), Duration.ofDays(7), Duration.ofDays(14));

		assess(instance, "CAN_OPEN", "YES", "NO", "NO", "NO");
		assertDeadlines(instance, REVIEW, Duration.ofDays(10), Duration.ofDays(7), Duration.ofDays(14));

		decide(instance, REVIEW, "privacyDecision", "APPROVE_AFTER_ANONYMISATION", "anonymisationInstructions",
				"Remove names.");
		assertDeadlines(instance, PUBLISH, Duration.ofDays(14), Duration.ofDays(10), Duration.ofDays(21));

		publish(instance, "anonymisationConfirmed", true);
		assertThat(instance).isEnded();
		assertThat(timers(instance)).isEmpty();
	}

	@Test
	void anOverdueAssessmentIsRemindedThenEscalatedToTheDepartmentsHeads() {
		ProcessInstance instance = requestEnvironmentDataset();
		List<Job> timers = timers(instance);
		assertThat(timers).hasSize(3);

		support.runTimer(timers.get(0));
		assertThat(task(instance, ASSESS).getPriority()).as("due soon").isEqualTo(60);
		support.runTimer(timers.get(1));
		assertThat(task(instance, ASSESS).getPriority()).as("overdue").isEqualTo(80);

		support.runTimer(timers.get(2));
		Task task = task(instance, ASSESS);
		assertThat(task.getPriority()).isEqualTo(100);
		assertThat(candidateGroups(task)).containsExactlyInAnyOrder("data-stewards-environment", "heads-environment");

		decide(instance, ASSESS, "datasetAssessment", "CANNOT_OPEN", "datasetReason", "Not ours to give");
		assertThat(instance).isEnded();
		assertThat(timers(instance)).isEmpty();
	}

	@Test
	void anOverduePrivacyReviewGoesToThePrivacyOfficesLeadsToo() {
		ProcessInstance instance = requestEnvironmentDataset();
		assess(instance, "CAN_OPEN", "NO", "YES", "NO", "NO");
		List<Job> timers = timers(instance);

		timers.forEach(support::runTimer);

		Task review = task(instance, REVIEW);
		assertThat(review.getPriority()).isEqualTo(100);
		assertThat(candidateGroups(review)).containsExactly(Groups.PRIVACY_OFFICE,
				Groups.leadsOf(Groups.PRIVACY_OFFICE));
	}

}
