package city.ideatoservice.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.process.ProcessKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * data-opening on its own, started the way CallActivity_OpenDataset of idea-to-service starts it for one dataset,
 * the steward's decision submitted through the form service as Tasklist does.
 */
@SpringBootTest(
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:data-opening-process-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=a-long-test-password" })
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DataOpeningProcessTest {

	static final String TASK = "Task_PublishDataset";

	static final String MOBILITY_STEWARD = "steward-mobility";

	static final String ENVIRONMENT_STEWARD = "steward-environment";

	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		ensureUser(MOBILITY_STEWARD, "data-stewards-mobility");
		ensureUser(ENVIRONMENT_STEWARD, "data-stewards-environment");
	}

	void ensureUser(String id, String group) {
		IdentityService identity = engine.getIdentityService();
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword("password-" + id);
			identity.saveUser(user);
			identity.createMembership(id, group);
		}
	}

	/** The variables CallActivity_OpenDataset passes in (camunda:in) for one item of the datasets list. */
	ProcessInstance requestDataset(String ownerDepartment) {
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", "IDEA-2026-0042");
		in.put("datasetTitle", "Air quality");
		in.put("datasetOwnerDepartment", ownerDepartment);
		in.put("datasetPurpose", "Map of clean routes");
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.DATA_OPENING, "IDEA-2026-0042", in);
	}

	ProcessInstance requestEnvironmentDataset() {
		return requestDataset("dept-environment");
	}

	Task decisionTask(ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK)
			.singleResult();
	}

	List<String> candidateGroups(Task task) {
		return engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.toList();
	}

	List<Task> tasksSeenBy(String user) {
		return engine.getTaskService().createTaskQuery().taskCandidateUser(user).taskDefinitionKey(TASK).list();
	}

	void decide(ProcessInstance instance, Object... keyValues) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put((String) keyValues[i], keyValues[i + 1]);
		}
		engine.getFormService().submitTaskForm(decisionTask(instance).getId(), form);
	}

	/** What CallActivity_OpenDataset passes back out (camunda:out): datasetOutcome, catalogueId, datasetReason. */
	Map<String, Object> outputs(ProcessInstance instance) {
		Map<String, Object> values = new HashMap<>();
		for (HistoricVariableInstance variable : engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()) {
			values.put(variable.getName(), variable.getValue());
		}
		return values;
	}

	void assertRefused(ProcessInstance instance, String field, Object... keyValues) {
		assertThatThrownBy(() -> decide(instance, keyValues)).isInstanceOf(FormFieldValidationException.class)
			.extracting(refused -> ((FormFieldValidationException) refused).<Object>getDetail())
			.as("the field refused")
			.isEqualTo(field);
		assertThat(instance).isWaitingAt(TASK);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("datasetOutcome",
				"catalogueId");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "dept-mobility, data-stewards-mobility", "dept-environment, data-stewards-environment",
			"dept-social-services, data-stewards-social-services",
			"dept-urban-planning, data-stewards-urban-planning", "dept-culture, data-stewards-culture" })
	void theOwningDepartmentsStewardsDecide(String ownerDepartment, String stewardsGroup) {
		ProcessInstance instance = requestDataset(ownerDepartment);

		assertThat(instance).isStarted().isWaitingAt(TASK);
		Task task = decisionTask(instance);
		assertThat(task).hasCandidateGroup(stewardsGroup).isNotAssigned();
		assertThat(candidateGroups(task)).containsExactly(stewardsGroup);
		assertThat(task.getDueDate()).isNotNull();
	}

	@Test
	void aStewardOfAnotherDepartmentDoesNotSeeTheTask() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertThat(tasksSeenBy(ENVIRONMENT_STEWARD)).extracting(Task::getProcessInstanceId)
			.contains(instance.getId());
		assertThat(tasksSeenBy(MOBILITY_STEWARD)).extracting(Task::getProcessInstanceId)
			.doesNotContain(instance.getId());
	}

	@Test
	void anUnknownOwnerDepartmentIsNotStarted() {
		assertThatThrownBy(() -> requestDataset("dept-unknown")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("dept-unknown");
	}

	@Test
	void publishedGetsACatalogueEntry() {
		ProcessInstance instance = requestEnvironmentDataset();

		decide(instance, "datasetOutcome", "PUBLISHED", "datasetLicence", "CC-BY-4.0", "datasetFormat", "CSV",
				"datasetUrl", "https://opendata.example.org/air-quality");

		assertThat(instance).hasPassedInOrder("StartEvent_DatasetRequested", TASK, "EndEvent_DatasetDecided")
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("datasetOutcome", "PUBLISHED")
			.containsEntry("datasetLicence", "CC-BY-4.0")
			.containsEntry("datasetFormat", "CSV");
		assertThat((String) out.get("catalogueId")).startsWith("dataset-");
		assertThat(out).containsKey("datasetReason");
		assertThat(out.get("datasetReason")).isNull();
	}

	@Test
	void publishedDropsAReasonTypedBeforeChangingTheDecision() {
		ProcessInstance instance = requestEnvironmentDataset();

		decide(instance, "datasetOutcome", "PUBLISHED", "datasetLicence", "ODbL-1.0", "datasetFormat", "API",
				"datasetUrl", "http://data.example.org/api", "datasetReason", "Personal data");

		assertThat(instance).isEnded();
		assertThat(outputs(instance).get("datasetReason")).isNull();
		assertThat((String) outputs(instance).get("catalogueId")).startsWith("dataset-");
	}

	@ParameterizedTest
	@CsvSource({ "CC-BY-4.0, CSV", "CC0-1.0, JSON", "ODbL-1.0, GEOJSON", "CC-BY-4.0, XLSX", "CC0-1.0, API" })
	void everyOpenLicenceAndFormat(String licence, String format) {
		ProcessInstance instance = requestEnvironmentDataset();

		decide(instance, "datasetOutcome", "PUBLISHED", "datasetLicence", licence, "datasetFormat", format,
				"datasetUrl", "https://opendata.example.org/air-quality");

		assertThat(instance).isEnded();
		assertThat(outputs(instance)).containsEntry("datasetOutcome", "PUBLISHED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "opendata.example.org/air-quality", "ftp://opendata.example.org/air.csv",
			"https://", "https://open data.example.org", "javascript:alert(1)" })
	void aBadWebAddressIsRefused(String url) {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetUrl", "datasetOutcome", "PUBLISHED", "datasetLicence", "CC-BY-4.0",
				"datasetFormat", "CSV", "datasetUrl", url);
	}

	@Test
	void aMissingWebAddressIsRefused() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetUrl", "datasetOutcome", "PUBLISHED", "datasetLicence", "CC-BY-4.0",
				"datasetFormat", "CSV");
		assertRefused(instance, "datasetUrl", "datasetOutcome", "PUBLISHED", "datasetLicence", "CC-BY-4.0",
				"datasetFormat", "CSV", "datasetUrl", "https://example.org/" + "x".repeat(500));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "MIT", "cc-by-4.0", "All rights reserved" })
	void aLicenceThatIsNotOpenIsRefused(String licence) {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetLicence", "datasetOutcome", "PUBLISHED", "datasetLicence", licence,
				"datasetFormat", "CSV", "datasetUrl", "https://opendata.example.org/air-quality");
	}

	@Test
	void aMissingLicenceOrAnUnknownFormatIsRefused() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetLicence", "datasetOutcome", "PUBLISHED", "datasetFormat", "CSV", "datasetUrl",
				"https://opendata.example.org/air-quality");
		assertRefused(instance, "datasetFormat", "datasetOutcome", "PUBLISHED", "datasetLicence", "CC-BY-4.0",
				"datasetFormat", "PDF", "datasetUrl", "https://opendata.example.org/air-quality");
		assertRefused(instance, "datasetFormat", "datasetOutcome", "PUBLISHED", "datasetLicence", "CC-BY-4.0",
				"datasetUrl", "https://opendata.example.org/air-quality");
	}

	@Test
	void refusedSaysWhyAndHasNoCatalogueEntry() {
		ProcessInstance instance = requestEnvironmentDataset();

		decide(instance, "datasetOutcome", "REFUSED", "datasetReason", "Contains personal data");

		assertThat(instance).hasPassed("EndEvent_DatasetDecided").isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("datasetOutcome", "REFUSED")
			.containsEntry("datasetReason", "Contains personal data")
			.containsKey("catalogueId");
		assertThat(out.get("catalogueId")).isNull();
	}

	@Test
	void refusedWithoutAReasonIsRefused() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetReason", "datasetOutcome", "REFUSED");
		assertRefused(instance, "datasetReason", "datasetOutcome", "REFUSED", "datasetReason", "  ");
		assertRefused(instance, "datasetReason", "datasetOutcome", "REFUSED", "datasetReason", "x".repeat(2001));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "OPENED", "published" })
	void anUnknownDecisionIsRefused(String outcome) {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetOutcome", "datasetOutcome", outcome, "datasetReason", "Why not");
	}

	@Test
	void noDecisionIsRefused() {
		ProcessInstance instance = requestEnvironmentDataset();

		assertRefused(instance, "datasetOutcome", "datasetReason", "Why not");
	}

	@Test
	void anOverdueDecisionIsRemindedThenEscalatedToTheDepartmentsHeads() {
		ProcessInstance instance = requestEnvironmentDataset();
		List<Job> timers = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.orderByJobDuedate()
			.asc()
			.list();
		assertThat(timers).hasSize(2);

		engine.getManagementService().executeJob(timers.get(0).getId());
		assertThat(decisionTask(instance).getPriority()).isEqualTo(70);

		engine.getManagementService().executeJob(timers.get(1).getId());
		Task task = decisionTask(instance);
		assertThat(task.getPriority()).isEqualTo(100);
		assertThat(candidateGroups(task)).containsExactlyInAnyOrder("data-stewards-environment", "heads-environment");

		decide(instance, "datasetOutcome", "REFUSED", "datasetReason", "Contains personal data");
		assertThat(instance).isEnded();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.isZero();
	}

}
