package city.ideatoservice.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
 * funding-request on its own, started the way CallActivity_RequestFunding of idea-to-service starts it, finance's
 * decision submitted through the form service as Tasklist does.
 */
@SpringBootTest(
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:funding-request-process-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=a-long-test-password" })
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class FundingRequestProcessTest {

	static final String TASK = "Task_DecideFunding";

	/** 4,500.50 euros, as the co-design outcome's estimated budget of 4500.5 arrives. */
	static final long REQUESTED_CENTS = 450050L;

	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
	}

	/** The variables CallActivity_RequestFunding passes in (camunda:in). */
	ProcessInstance requestFunding(long requestedAmountCents, String fundedInitiative) {
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", "IDEA-2026-0042");
		in.put("ideaTitle", "Bike lanes");
		in.put("sponsorDepartment", "dept-mobility");
		in.put("requestedAmountCents", requestedAmountCents);
		in.put("fundingPurpose", "Safer cycling to school");
		in.put("fundedInitiative", fundedInitiative);
		return engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.FUNDING_REQUEST, "IDEA-2026-0042", in);
	}

	ProcessInstance requestFunding() {
		return requestFunding(REQUESTED_CENTS, null);
	}

	Task decisionTask(ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK)
			.singleResult();
	}

	void decide(ProcessInstance instance, Object... keyValues) {
		engine.getFormService().submitTaskForm(decisionTask(instance).getId(), form(keyValues));
	}

	static Map<String, Object> form(Object... keyValues) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put((String) keyValues[i], keyValues[i + 1]);
		}
		return form;
	}

	/** What CallActivity_RequestFunding passes back out (camunda:out): fundingOutcome, approvedAmountCents, fundingReason. */
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
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("fundingOutcome",
				"approvedAmountCents");
	}

	@Test
	void financeDecidesTheRequest() {
		ProcessInstance instance = requestFunding();

		assertThat(instance).isStarted().isWaitingAt(TASK);
		Task task = decisionTask(instance);
		assertThat(task).hasCandidateGroup(Groups.FINANCE).isNotAssigned();
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
			.extracting(link -> link.getGroupId())
			.containsExactly(Groups.FINANCE);
		assertThat(task.getDueDate()).isNotNull();
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.taskId(task.getId())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef()
			.getKey()).isEqualTo("decide-funding-request");
	}

	@Test
	void approvedGrantsTheAmountInCents() {
		ProcessInstance instance = requestFunding();

		decide(instance, "fundingOutcome", "APPROVED", "approvedAmount", 4500.5);

		assertThat(instance).hasPassedInOrder("StartEvent_FundingRequested", TASK, "EndEvent_FundingDecided")
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("fundingOutcome", "APPROVED").containsEntry("approvedAmountCents", 450050L);
		assertThat(out.get("fundingReason")).isNull();
	}

	@Test
	void approvedMayGrantLessAndTakeANote() {
		ProcessInstance instance = requestFunding();

		// a whole number from Tasklist arrives as an Integer
		decide(instance, "fundingOutcome", "APPROVED", "approvedAmount", 4000, "fundingReason", "Rounded down");

		assertThat(instance).isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 400000L)
			.containsEntry("fundingReason", "Rounded down");
	}

	@Test
	void approvedAmountFromTheRestApiAsText() {
		ProcessInstance instance = requestFunding();

		decide(instance, "fundingOutcome", "APPROVED", "approvedAmount", " 4500.50 ");

		assertThat(instance).isEnded();
		assertThat(outputs(instance)).containsEntry("approvedAmountCents", 450050L);
	}

	@Test
	void partiallyApprovedGrantsLessWithAReason() {
		ProcessInstance instance = requestFunding();

		decide(instance, "fundingOutcome", "PARTIALLY_APPROVED", "approvedAmount", 3000.25, "fundingReason",
				"Only the first street this year");

		assertThat(instance).hasPassed("EndEvent_FundingDecided").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 300025L)
			.containsEntry("fundingReason", "Only the first street this year");
	}

	@Test
	void deniedGivesNothingWithAReason() {
		ProcessInstance instance = requestFunding();

		decide(instance, "fundingOutcome", "DENIED", "fundingReason", "No budget left this year");

		assertThat(instance).hasPassed("EndEvent_FundingDecided").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("approvedAmountCents", 0L)
			.containsEntry("fundingReason", "No budget left this year");
	}

	@Test
	void deniedIgnoresAnAmountTyped() {
		ProcessInstance instance = requestFunding();

		decide(instance, "fundingOutcome", "DENIED", "approvedAmount", 100, "fundingReason", "Out of scope");

		assertThat(outputs(instance)).containsEntry("approvedAmountCents", 0L);
	}

	@Test
	void anAmountAboveTheRequestIsRefused() {
		ProcessInstance instance = requestFunding();

		assertRefused(instance, "approvedAmount", "fundingOutcome", "APPROVED", "approvedAmount", 4500.51);
		assertRefused(instance, "approvedAmount", "fundingOutcome", "PARTIALLY_APPROVED", "approvedAmount", 5000,
				"fundingReason", "More than asked");
	}

	@Test
	void aPartialApprovalOfAllIsRefused() {
		ProcessInstance instance = requestFunding();

		assertRefused(instance, "approvedAmount", "fundingOutcome", "PARTIALLY_APPROVED", "approvedAmount", 4500.5,
				"fundingReason", "All of it");
	}

	@Test
	void aPartialApprovalWithoutAReasonIsRefused() {
		ProcessInstance instance = requestFunding();

		assertRefused(instance, "fundingReason", "fundingOutcome", "PARTIALLY_APPROVED", "approvedAmount", 3000);
		assertRefused(instance, "fundingReason", "fundingOutcome", "PARTIALLY_APPROVED", "approvedAmount", 3000,
				"fundingReason", "   ");
	}

	@Test
	void aDenialWithoutAReasonIsRefused() {
		ProcessInstance instance = requestFunding();

		assertRefused(instance, "fundingReason", "fundingOutcome", "DENIED");
		assertRefused(instance, "fundingReason", "fundingOutcome", "DENIED", "fundingReason", "");
		assertRefused(instance, "fundingReason", "fundingOutcome", "DENIED", "fundingReason", "x".repeat(2001));
	}

	@ParameterizedTest
	@ValueSource(strings = { "MISSING", "-1", "10.123", "a lot" })
	void aMissingNegativeOrMalformedAmountIsRefused(String amount) {
		ProcessInstance instance = requestFunding();

		Object value = switch (amount) {
			case "MISSING" -> null;
			case "-1" -> -1;
			case "10.123" -> 10.123;
			default -> amount;
		};
		assertRefused(instance, "approvedAmount", "fundingOutcome", "APPROVED", "approvedAmount", value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "MAYBE", "approved" })
	void anUnknownOutcomeIsRefused(String outcome) {
		ProcessInstance instance = requestFunding();

		assertRefused(instance, "fundingOutcome", "fundingOutcome", outcome, "approvedAmount", 100);
	}

	@Test
	void noOutcomeIsRefused() {
		ProcessInstance instance = requestFunding();

		assertRefused(instance, "fundingOutcome", "approvedAmount", 100);
	}

	@Test
	void nothingRequestedAllowsOnlyZero() {
		// without requestedAmountCents nothing can be approved above 0
		ProcessInstance instance = requestFunding(0L, "Cycling strategy 2025");

		assertRefused(instance, "approvedAmount", "fundingOutcome", "APPROVED", "approvedAmount", 1);
		decide(instance, "fundingOutcome", "APPROVED", "approvedAmount", 0);
		assertThat(outputs(instance)).containsEntry("approvedAmountCents", 0L);
	}

	@Test
	void anOverdueDecisionIsRemindedThenEscalated() {
		ProcessInstance instance = requestFunding();
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
		assertThat(task).hasCandidateGroup(Groups.FINANCE);

		decide(instance, "fundingOutcome", "APPROVED", "approvedAmount", 4500.5);
		assertThat(instance).isEnded();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.isZero();
	}

}
