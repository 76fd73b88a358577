package city.ideatoservice.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.identity.Groups;
import city.ideatoservice.process.ProcessKeys;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * council-adoption on its own, started the way CallActivity_CouncilAdoption of idea-to-service starts it, the
 * clerk's record submitted through the form service as Tasklist does.
 */
@SpringBootTest(
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:council-adoption-process-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=a-long-test-password" })
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CouncilAdoptionProcessTest {

	static final String TASK = "Task_RecordCouncilDecision";

	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
	}

	/** The variables CallActivity_CouncilAdoption passes in (camunda:in). */
	ProcessInstance proposeAdoption() {
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", "IDEA-2026-0042");
		in.put("ideaTitle", "Bike lanes");
		in.put("sponsorDepartment", "dept-mobility");
		return engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.COUNCIL_ADOPTION, "IDEA-2026-0042", in);
	}

	Task decisionTask(ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK)
			.singleResult();
	}

	void record(ProcessInstance instance, Object... keyValues) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put((String) keyValues[i], keyValues[i + 1]);
		}
		engine.getFormService().submitTaskForm(decisionTask(instance).getId(), form);
	}

	/** What CallActivity_CouncilAdoption passes back out (camunda:out): councilDecision, actNumber, actDate, councilReason. */
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
		assertThatThrownBy(() -> record(instance, keyValues)).isInstanceOf(FormFieldValidationException.class)
			.extracting(refused -> ((FormFieldValidationException) refused).<Object>getDetail())
			.as("the field refused")
			.isEqualTo(field);
		assertThat(instance).isWaitingAt(TASK);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("councilDecision",
				"actNumber", "actDate");
	}

	@Test
	void councilClerksRecordTheDecision() {
		ProcessInstance instance = proposeAdoption();

		assertThat(instance).isStarted().isWaitingAt(TASK);
		Task task = decisionTask(instance);
		assertThat(task).hasCandidateGroup(Groups.COUNCIL_CLERKS).isNotAssigned();
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly(Groups.COUNCIL_CLERKS);
		assertThat(task.getDueDate()).isNotNull();
	}

	@Test
	void adoptedHasItsOfficialAct() {
		ProcessInstance instance = proposeAdoption();

		record(instance, "councilDecision", "ADOPTED", "actNumber", "2026/117", "actDate", "2026-11-20");

		assertThat(instance)
			.hasPassedInOrder("StartEvent_AdoptionProposed", TASK, "EndEvent_CouncilDecided")
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("councilDecision", "ADOPTED")
			.containsEntry("actNumber", "2026/117")
			.containsEntry("actDate", "2026-11-20");
		assertThat(out.get("councilReason")).isNull();
	}

	@Test
	void anActDateAsDateOrDateTimeIsKeptAsADay() {
		ProcessInstance fromDate = proposeAdoption();
		record(fromDate, "councilDecision", "ADOPTED", "actNumber", "2026/117", "actDate",
				Date.from(LocalDate.of(2026, 11, 20).atStartOfDay(ZoneId.systemDefault()).toInstant()));
		assertThat(outputs(fromDate)).containsEntry("actDate", "2026-11-20");

		ProcessInstance fromDateTime = proposeAdoption();
		record(fromDateTime, "councilDecision", "ADOPTED", "actNumber", "2026/118", "actDate", "2026-11-21T10:00:00");
		assertThat(outputs(fromDateTime)).containsEntry("actDate", "2026-11-21");
	}

	@Test
	void rejectedSaysWhy() {
		ProcessInstance instance = proposeAdoption();

		record(instance, "councilDecision", "REJECTED", "councilReason", "Not in this year's budget");

		assertThat(instance).hasPassed("EndEvent_CouncilDecided").isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("councilDecision", "REJECTED")
			.containsEntry("councilReason", "Not in this year's budget");
		assertThat(out.get("actNumber")).isNull();
		assertThat(out.get("actDate")).isNull();
	}

	@Test
	void anAdoptionWithoutItsActIsRefused() {
		ProcessInstance instance = proposeAdoption();

		assertRefused(instance, "actNumber", "councilDecision", "ADOPTED", "actDate", "2026-11-20");
		assertRefused(instance, "actNumber", "councilDecision", "ADOPTED", "actNumber", " ", "actDate", "2026-11-20");
		assertRefused(instance, "actNumber", "councilDecision", "ADOPTED", "actNumber", "x".repeat(31), "actDate",
				"2026-11-20");
		assertRefused(instance, "actDate", "councilDecision", "ADOPTED", "actNumber", "2026/117");
		assertRefused(instance, "actDate", "councilDecision", "ADOPTED", "actNumber", "2026/117", "actDate", "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "20.11.2026", "2026-13-01", "tomorrow" })
	void anActDateThatIsNotADateIsRefused(String actDate) {
		ProcessInstance instance = proposeAdoption();

		assertRefused(instance, "actDate", "councilDecision", "ADOPTED", "actNumber", "2026/117", "actDate", actDate);
	}

	@Test
	void aRejectionWithoutAReasonIsRefused() {
		ProcessInstance instance = proposeAdoption();

		assertRefused(instance, "councilReason", "councilDecision", "REJECTED");
		assertRefused(instance, "councilReason", "councilDecision", "REJECTED", "councilReason", "");
		assertRefused(instance, "councilReason", "councilDecision", "REJECTED", "councilReason", "x".repeat(2001));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "DEFERRED", "adopted" })
	void anUnknownDecisionIsRefused(String decision) {
		ProcessInstance instance = proposeAdoption();

		assertRefused(instance, "councilDecision", "councilDecision", decision, "councilReason", "Why");
	}

	@Test
	void noDecisionIsRefused() {
		ProcessInstance instance = proposeAdoption();

		assertRefused(instance, "councilDecision", "actNumber", "2026/117", "actDate", "2026-11-20");
	}

	@Test
	void anOverdueRecordIsRemindedThenEscalated() {
		ProcessInstance instance = proposeAdoption();
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
		assertThat(task).hasCandidateGroup(Groups.COUNCIL_CLERKS);

		record(instance, "councilDecision", "REJECTED", "councilReason", "Not in this year's budget");
		assertThat(instance).isEnded();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.isZero();
	}

}
