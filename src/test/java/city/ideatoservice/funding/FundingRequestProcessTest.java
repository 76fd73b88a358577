package city.ideatoservice.funding;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * funding-request on its own, started the way CallActivity_RequestFunding of
 * idea-to-service starts it, every task submitted through the form service as Tasklist
 * does (amounts in euros, as Integer or Double). Decisions and reservations are kept by
 * idea reference, so every test uses a fresh one; each test starts with unspent budgets.
 * The culture department's budget is set to 1,000 euros for each test, to test what
 * happens when the money runs out; after each test the budgets are back as in the
 * settings.
 */
@IdeaToServiceTest
class FundingRequestProcessTest {

	static final String CONFIRM_INITIATIVE = "Task_ConfirmInitiative";

	static final String APPROVE_SMALL = "Task_ApproveAsInnovationOffice";

	static final String APPROVE_AS_HEAD = "Task_ApproveAsDepartmentHead";

	static final String APPROVE_AS_FINANCE = "Task_ApproveAsFinance";

	static final String REVIEW_AS_FINANCE = "Task_ReviewAsFinance";

	static final String DECIDE_AS_COMMITTEE = "Task_DecideAsBudgetCommittee";

	static final String REVISE = "Task_ReviseRequest";

	static final String CHAMPION = "champion-funding";

	static final String INNOVATION_OFFICER = "officer-funding";

	static final String FINANCE_OFFICER = "finance-funding";

	static final String HEAD = "head-funding";

	static final String COMMITTEE_MEMBER = "committee-funding";

	static final String MOBILITY = "dept-mobility";

	static final String ENVIRONMENT = "dept-environment";

	/** 1,000 euros in these tests. */
	static final String CULTURE = "dept-culture";

	@Autowired
	ProcessTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	PrototypeBudgets budgets;

	@Autowired
	FundingDecisionRepository decisions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		jdbc.sql("update prototype_budget set committed_cents = 0").update();
		jdbc.sql(
				"update prototype_budget set total_cents = 100000 where department = :department and budget_year = :year")
			.param("department", CULTURE)
			.param("year", budgets.currentYear())
			.update();
		// every city employee is in a group; its members may read the models
		// (IdentitySetup)
		ensureUser(CHAMPION, "dept-mobility");
		ensureUser(INNOVATION_OFFICER, Groups.INNOVATION_OFFICE);
		ensureUser(FINANCE_OFFICER, Groups.FINANCE);
		ensureUser(HEAD, "heads-environment", "heads-mobility");
		ensureUser(COMMITTEE_MEMBER, Groups.BUDGET_COMMITTEE);
	}

	@AfterEach
	void budgetsAsInTheSettings() {
		jdbc.sql("update prototype_budget set committed_cents = 0").update();
		budgets.applySettings();
	}

	void ensureUser(String id, String... groups) {
		support.ensureUser(id, groups);
	}

	// ---------------------------------------------------------------- starting, working
	// and reading the process

	/**
	 * A fresh idea reference (at most 20 characters): decisions and reservations are kept
	 * by reference.
	 */
	static String newReference() {
		return ProcessTestSupport.newReference();
	}

	/** The variables CallActivity_RequestFunding passes in (camunda:in). */
	ProcessInstance requestFunding(String department, long requestedAmountCents, String fundedInitiative) {
		return requestFunding(newReference(), department, requestedAmountCents, fundedInitiative);
	}

	ProcessInstance requestFunding(String reference, String department, long requestedAmountCents,
			String fundedInitiative) {
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes");
		in.put("sponsorDepartment", department);
		in.put("requestedAmountCents", requestedAmountCents);
		in.put("fundingPurpose", "Safer cycling to school");
		in.put("fundedInitiative", fundedInitiative);
		in.put("champion", CHAMPION);
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.FUNDING_REQUEST, reference, in);
	}

	ProcessInstance requestFunding(String department, long requestedAmountCents) {
		return requestFunding(department, requestedAmountCents, null);
	}

	static String reference(ProcessInstance instance) {
		return instance.getBusinessKey();
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

	List<String> openTasks(ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
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

	static Map<String, Object> form(Object... keyValues) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put((String) keyValues[i], keyValues[i + 1]);
		}
		return form;
	}

	/** Submits a task's form as the user would in Tasklist. */
	void submit(String taskId, String user, Object... keyValues) {
		support.submitAs(user, taskId, form(keyValues));
	}

	/**
	 * Submits the open task's form, then runs the asynchronous continuations (the job
	 * executor is off).
	 */
	void decide(ProcessInstance instance, String taskDefinitionKey, String user, Object... keyValues) {
		submit(task(instance, taskDefinitionKey).getId(), user, keyValues);
		// the parallel join of the MEDIUM level is asyncBefore: each arriving branch
		// leaves a job
		support.runJobs(instance);
	}

	void assertRefused(ProcessInstance instance, String taskDefinitionKey, String field, Object... keyValues) {
		assertRefusedSaying(instance, taskDefinitionKey, field, null, keyValues);
	}

	/**
	 * The form is refused naming the field; the task stays open and nothing is recorded
	 * or reserved.
	 */
	void assertRefusedSaying(ProcessInstance instance, String taskDefinitionKey, String field, String messagePart,
			Object... keyValues) {
		Task task = task(instance, taskDefinitionKey);
		int decided = decisions.findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(reference(instance)).size();
		String department = (String) engine.getRuntimeService().getVariable(instance.getId(), "sponsorDepartment");
		long remaining = remainingCents(department);
		long reserved = reservedCents(instance);

		assertThatThrownBy(() -> submit(task.getId(), workerOf(task), keyValues))
			.isInstanceOf(FormFieldValidationException.class)
			.satisfies(refused -> {
				assertThat(((FormFieldValidationException) refused).<Object>getDetail()).as("the field refused")
					.isEqualTo(field);
				if (messagePart != null) {
					assertThat(refused.getMessage()).contains(messagePart);
				}
			});

		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open")
			.isEqualTo(1);
		assertThat(instance).isWaitingAt(taskDefinitionKey);
		assertThat(decisions.findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(reference(instance)))
			.as("decisions recorded")
			.hasSize(decided);
		assertThat(remainingCents(department)).as("budget left").isEqualTo(remaining);
		assertThat(reservedCents(instance)).as("money reserved").isEqualTo(reserved);
	}

	/**
	 * Someone allowed to work the task: its assignee, or a member of its candidate group.
	 */
	String workerOf(Task task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		String group = candidateGroups(task).get(0);
		return switch (group) {
			case Groups.INNOVATION_OFFICE -> INNOVATION_OFFICER;
			case Groups.FINANCE -> FINANCE_OFFICER;
			case Groups.BUDGET_COMMITTEE -> COMMITTEE_MEMBER;
			default -> HEAD;
		};
	}

	long remainingCents(String department) {
		return budgets.remainingCents(department, budgets.currentYear());
	}

	long committedCents(String department) {
		return jdbc
			.sql("select committed_cents from prototype_budget where department = :department and budget_year = :year")
			.param("department", department)
			.param("year", budgets.currentYear())
			.query(Long.class)
			.single();
	}

	/** Leaves only this much of a department's budget unspent. */
	void leaveInBudget(String department, long cents) {
		jdbc.sql("update prototype_budget set committed_cents = total_cents - :left"
				+ " where department = :department and budget_year = :year")
			.param("left", cents)
			.param("department", department)
			.param("year", budgets.currentYear())
			.update();
	}

	long reservedCents(ProcessInstance instance) {
		return jdbc
			.sql("select coalesce(sum(amount_cents), 0) from funding_reservation where idea_reference = :reference")
			.param("reference", reference(instance))
			.query(Long.class)
			.single();
	}

	/**
	 * The process instance's own variables in history: what CallActivity_RequestFunding
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

	/** fundingApprovers, a Json list: one entry per decision, every round. */
	List<Map<String, Object>> approvers(ProcessInstance instance) throws Exception {
		Object json = outputs(instance).get("fundingApprovers");
		assertThat(json).as("fundingApprovers in history").isNotNull();
		return new ObjectMapper().readValue(json.toString(), new TypeReference<List<Map<String, Object>>>() {
		});
	}

	static Map<String, Object> approver(int round, String role, String decision, long amountCents, String reason) {
		Map<String, Object> approver = new HashMap<>();
		approver.put("round", round);
		approver.put("role", role);
		approver.put("decision", decision);
		approver.put("amountCents", amountCents);
		approver.put("reason", reason);
		return approver;
	}

	/**
	 * The approvers without decidedBy, amounts as long: comparable with
	 * {@link #approver}.
	 */
	List<Map<String, Object>> approverDecisions(ProcessInstance instance) throws Exception {
		List<Map<String, Object>> comparable = new ArrayList<>();
		for (Map<String, Object> entry : approvers(instance)) {
			Map<String, Object> approver = new HashMap<>(entry);
			approver.remove("decidedBy");
			approver.put("round", ((Number) entry.get("round")).intValue());
			approver.put("amountCents", ((Number) entry.get("amountCents")).longValue());
			comparable.add(approver);
		}
		return comparable;
	}

	// ---------------------------------------------------------------- JOIN: joining an
	// already funded initiative

	@Test
	void joiningAFundedInitiativeIsConfirmedByTheInnovationOffice() throws Exception {
		// CodesignOutcomeRecorder passes 0 cents when the prototype joins a funded
		// initiative
		ProcessInstance instance = requestFunding(MOBILITY, 0L, "Cycling strategy 2025");

		assertThat(instance).isWaitingAt(CONFIRM_INITIATIVE);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "approvalLevel")).isEqualTo("JOIN");
		Task task = task(instance, CONFIRM_INITIATIVE);
		assertThat(candidateGroups(task)).containsExactly(Groups.INNOVATION_OFFICE);
		assertThat(task.getAssignee()).isNull();
		assertThat(formKey(task)).isEqualTo("confirm-funded-initiative");
		assertRefused(instance, CONFIRM_INITIATIVE, "approvalDecision", "approvalDecision", "APPROVE");

		decide(instance, CONFIRM_INITIATIVE, INNOVATION_OFFICER, "approvalDecision", "CONFIRM");

		assertThat(instance)
			.hasPassedInOrder("Task_OpenFundingRound", "Task_DetermineApprovers", CONFIRM_INITIATIVE,
					"Task_CombineDecisions", "EndEvent_FundingApproved")
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("fundingOutcome", "JOINED").containsEntry("approvedAmountCents", 0L);
		assertThat(out.get("fundingReason")).isNull();
		assertThat(approverDecisions(instance))
			.containsExactly(approver(1, Groups.INNOVATION_OFFICE, "CONFIRM", 0L, null));
		assertThat(approvers(instance).get(0)).containsEntry("decidedBy", INNOVATION_OFFICER);
		assertThat(reservedCents(instance)).isZero();
		assertThat(committedCents(MOBILITY)).isZero();
	}

	@Test
	void joiningDeniedNeedsAReasonAndGoesBackToTheChampion() throws Exception {
		ProcessInstance instance = requestFunding(MOBILITY, 0L, "Cycling strategy 2025");

		assertRefused(instance, CONFIRM_INITIATIVE, "approvalReason", "approvalDecision", "DENY");
		assertRefused(instance, CONFIRM_INITIATIVE, "approvalReason", "approvalDecision", "DENY", "approvalReason",
				"  ");
		decide(instance, CONFIRM_INITIATIVE, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason",
				"That initiative is closed");

		assertThat(instance).hasPassed("Task_CombineDecisions").isWaitingAt(REVISE);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("approvedAmountCents", 0L)
			.containsEntry("fundingReason", "That initiative is closed");

		decide(instance, REVISE, CHAMPION, "revisionDecision", "WITHDRAW");

		assertThat(instance).hasPassed("EndEvent_RequestWithdrawn").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("approvedAmountCents", 0L);
		assertThat(approverDecisions(instance))
			.containsExactly(approver(1, Groups.INNOVATION_OFFICE, "DENY", 0L, "That initiative is closed"));
	}

	@Test
	void aDeniedJoinResubmittedWithAnAmountBecomesARequestForNewMoney() throws Exception {
		ProcessInstance instance = requestFunding(MOBILITY, 0L, "Cycling strategy 2025");
		decide(instance, CONFIRM_INITIATIVE, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason",
				"That initiative is closed");

		decide(instance, REVISE, CHAMPION, "revisionDecision", "RESUBMIT", "newRequestedAmount", 3000, "revisedPurpose",
				"A prototype of our own");

		assertThat(instance).isWaitingAt(APPROVE_SMALL);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "APPROVE");
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 300000L);
	}

	// ---------------------------------------------------------------- SMALL: up to 5,000
	// euros

	@Test
	void smallFundingIsApprovedByTheInnovationOfficeAndReservedFromTheBudget() throws Exception {
		ProcessInstance instance = requestFunding(MOBILITY, 450050L);

		assertThat(instance).isWaitingAt(APPROVE_SMALL);
		assertThat(openTasks(instance)).containsExactly(APPROVE_SMALL);
		Task task = task(instance, APPROVE_SMALL);
		assertThat(candidateGroups(task)).containsExactly(Groups.INNOVATION_OFFICE);
		assertThat(formKey(task)).isEqualTo("approve-funding");
		assertThat(engine.getTaskService().getVariablesLocal(task.getId())).containsEntry("requestedAmount", 4500.5)
			.containsEntry("remainingBudget", 150000.0)
			.containsEntry("fundingHistory", "");
		assertThat(engine.getTaskService().getVariable(task.getId(), "approverRole"))
			.isEqualTo(Groups.INNOVATION_OFFICE);

		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "APPROVE");

		assertThat(instance).hasPassedInOrder(APPROVE_SMALL, "Task_CombineDecisions", "EndEvent_FundingApproved")
			.isEnded();
		assertThat(instance).hasNotPassed(REVISE);
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("fundingOutcome", "APPROVED").containsEntry("approvedAmountCents", 450050L);
		assertThat(out.get("fundingReason")).isNull();
		assertThat(approverDecisions(instance))
			.containsExactly(approver(1, Groups.INNOVATION_OFFICE, "APPROVE", 450050L, null));
		assertThat(reservedCents(instance)).isEqualTo(450050L);
		assertThat(committedCents(MOBILITY)).isEqualTo(450050L);
		assertThat(remainingCents(MOBILITY)).isEqualTo(15_000_000L - 450050L);
	}

	@Test
	void aPartialApprovalNeedsALowerAmountAndAReason_aDenialAReason() {
		ProcessInstance instance = requestFunding(MOBILITY, 400000L);

		assertRefused(instance, APPROVE_SMALL, "approvalDecision");
		assertRefused(instance, APPROVE_SMALL, "approvalDecision", "approvalDecision", "MAYBE");
		assertRefused(instance, APPROVE_SMALL, "approvalDecision", "approvalDecision", "CONFIRM");
		assertRefused(instance, APPROVE_SMALL, "approvedAmount", "approvalDecision", "PARTIAL", "approvalReason",
				"Only the first street");
		assertRefused(instance, APPROVE_SMALL, "approvedAmount", "approvalDecision", "PARTIAL", "approvedAmount", 4000,
				"approvalReason", "All of it");
		assertRefused(instance, APPROVE_SMALL, "approvedAmount", "approvalDecision", "PARTIAL", "approvedAmount",
				4000.01, "approvalReason", "More than asked");
		assertRefused(instance, APPROVE_SMALL, "approvedAmount", "approvalDecision", "PARTIAL", "approvedAmount", 0,
				"approvalReason", "Nothing");
		assertRefused(instance, APPROVE_SMALL, "approvedAmount", "approvalDecision", "PARTIAL", "approvedAmount",
				10.123, "approvalReason", "Odd cents");
		assertRefused(instance, APPROVE_SMALL, "approvalReason", "approvalDecision", "PARTIAL", "approvedAmount", 3000);
		assertRefused(instance, APPROVE_SMALL, "approvalReason", "approvalDecision", "PARTIAL", "approvedAmount", 3000,
				"approvalReason", "   ");
		assertRefused(instance, APPROVE_SMALL, "approvalReason", "approvalDecision", "DENY");
		assertRefused(instance, APPROVE_SMALL, "approvalReason", "approvalDecision", "DENY", "approvalReason",
				"x".repeat(2001));

		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 2500.5,
				"approvalReason", "Only the first street this year");

		assertThat(instance).isWaitingAt(REVISE);
		assertThat(engine.getRuntimeService().getVariables(instance.getId()))
			.containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 250050L)
			.containsEntry("fundingReason", "Only the first street this year");
		assertThat(reservedCents(instance)).isEqualTo(250050L);
		assertThat(committedCents(MOBILITY)).isEqualTo(250050L);
	}

	// ---------------------------------------------------------------- MEDIUM: up to
	// 50,000 euros

	@Test
	void mediumFundingNeedsTheDepartmentHeadAndFinanceInParallel() throws Exception {
		ProcessInstance instance = requestFunding(ENVIRONMENT, 2_000_000L);

		assertThat(openTasks(instance)).containsExactlyInAnyOrder(APPROVE_AS_HEAD, APPROVE_AS_FINANCE);
		assertThat(candidateGroups(task(instance, APPROVE_AS_HEAD))).containsExactly("heads-environment");
		assertThat(candidateGroups(task(instance, APPROVE_AS_FINANCE))).containsExactly(Groups.FINANCE);
		assertThat(formKey(task(instance, APPROVE_AS_HEAD))).isEqualTo("approve-funding");
		assertThat(formKey(task(instance, APPROVE_AS_FINANCE))).isEqualTo("approve-funding");

		decide(instance, APPROVE_AS_HEAD, HEAD, "approvalDecision", "APPROVE");
		assertThat(instance).isWaitingAt(APPROVE_AS_FINANCE);
		assertThat(reservedCents(instance)).as("the head does not hold the budget").isZero();

		decide(instance, APPROVE_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "APPROVE");

		assertThat(instance).hasPassed("Gateway_MediumJoin", "Task_CombineDecisions", "EndEvent_FundingApproved")
			.isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 2_000_000L);
		assertThat(approverDecisions(instance)).containsExactly(
				approver(1, "department-head", "APPROVE", 2_000_000L, null),
				approver(1, Groups.FINANCE, "APPROVE", 2_000_000L, null));
		assertThat(reservedCents(instance)).isEqualTo(2_000_000L);
		assertThat(committedCents(ENVIRONMENT)).isEqualTo(2_000_000L);
	}

	@Test
	void onePartialApprovalGrantsTheLowerAmountAndReservesOnlyThat() throws Exception {
		ProcessInstance instance = requestFunding(ENVIRONMENT, 2_000_000L);

		// finance reserves the full amount first; the head's lower amount wins
		decide(instance, APPROVE_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "APPROVE");
		assertThat(reservedCents(instance)).isEqualTo(2_000_000L);
		decide(instance, APPROVE_AS_HEAD, HEAD, "approvalDecision", "PARTIAL", "approvedAmount", 15000,
				"approvalReason", "Half the district first");

		assertThat(instance).hasPassed("Gateway_MediumJoin").isWaitingAt(REVISE);
		assertThat(engine.getRuntimeService().getVariables(instance.getId()))
			.containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 1_500_000L)
			.containsEntry("fundingReason", "Half the district first");
		assertThat(reservedCents(instance)).isEqualTo(1_500_000L);
		assertThat(committedCents(ENVIRONMENT)).isEqualTo(1_500_000L);

		Task revise = task(instance, REVISE);
		assertThat(revise.getAssignee()).isEqualTo(CHAMPION);
		assertThat(formKey(revise)).isEqualTo("revise-funding-request");
		assertThat(engine.getTaskService().getVariablesLocal(revise.getId())).containsEntry("approvedAmount", 15000.0)
			.containsEntry("requestedAmount", 20000.0);
		decide(instance, REVISE, CHAMPION, "revisionDecision", "ACCEPT_PARTIAL");

		assertThat(instance).hasPassed("EndEvent_PartialAccepted").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 1_500_000L)
			.containsEntry("fundingReason", "Half the district first");
		assertThat(approverDecisions(instance)).containsExactlyInAnyOrder(
				approver(1, Groups.FINANCE, "APPROVE", 2_000_000L, null),
				approver(1, "department-head", "PARTIAL", 1_500_000L, "Half the district first"));
		assertThat(reservedCents(instance)).as("the partial amount stays reserved").isEqualTo(1_500_000L);
		assertThat(committedCents(ENVIRONMENT)).isEqualTo(1_500_000L);
	}

	@Test
	void theHeadMayApproveWhatFinanceHasAlreadyReservedForTheSameRequest() {
		// 25,000 euros left: enough for this 20,000 euro request, though not twice
		leaveInBudget(ENVIRONMENT, 2_500_000L);
		long committedBefore = committedCents(ENVIRONMENT);
		ProcessInstance instance = requestFunding(ENVIRONMENT, 2_000_000L);

		decide(instance, APPROVE_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "APPROVE");
		assertThat(remainingCents(ENVIRONMENT)).isEqualTo(500_000L);
		// the money finance reserved for this request is this request's, not someone
		// else's
		decide(instance, APPROVE_AS_HEAD, HEAD, "approvalDecision", "APPROVE");

		assertThat(instance).isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 2_000_000L);
		assertThat(committedCents(ENVIRONMENT)).isEqualTo(committedBefore + 2_000_000L);
	}

	@Test
	void oneDenialDeniesAMediumRequestAndReleasesFinancesReservation() {
		ProcessInstance instance = requestFunding(ENVIRONMENT, 2_000_000L);

		decide(instance, APPROVE_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "APPROVE");
		decide(instance, APPROVE_AS_HEAD, HEAD, "approvalDecision", "DENY", "approvalReason", "Not our priority");

		assertThat(instance).isWaitingAt(REVISE);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("approvedAmountCents", 0L)
			.containsEntry("fundingReason", "Not our priority");
		assertThat(reservedCents(instance)).isZero();
		assertThat(committedCents(ENVIRONMENT)).isZero();
	}

	// ---------------------------------------------------------------- LARGE: over 50,000
	// euros

	@Test
	void largeFundingDeniedByFinanceNeverReachesTheBudgetCommittee() {
		ProcessInstance instance = requestFunding(MOBILITY, 6_000_000L);

		assertThat(openTasks(instance)).containsExactly(REVIEW_AS_FINANCE);
		assertThat(candidateGroups(task(instance, REVIEW_AS_FINANCE))).containsExactly(Groups.FINANCE);
		decide(instance, REVIEW_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "DENY", "approvalReason",
				"No co-financing found");

		assertThat(instance).hasPassed("Task_CombineDecisions").hasNotPassed(DECIDE_AS_COMMITTEE).isWaitingAt(REVISE);
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(DECIDE_AS_COMMITTEE)
			.count()).isZero();
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("fundingReason", "No co-financing found");
		assertThat(committedCents(MOBILITY)).isZero();
	}

	@Test
	void largeFundingApprovedByFinanceIsDecidedByTheBudgetCommittee() throws Exception {
		ProcessInstance instance = requestFunding(MOBILITY, 6_000_000L);

		decide(instance, REVIEW_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "APPROVE");
		assertThat(reservedCents(instance)).as("finance's review holds no money").isZero();

		assertThat(openTasks(instance)).containsExactly(DECIDE_AS_COMMITTEE);
		Task committee = task(instance, DECIDE_AS_COMMITTEE);
		assertThat(candidateGroups(committee)).containsExactly(Groups.BUDGET_COMMITTEE);
		assertThat(engine.getTaskService().getVariablesLocal(committee.getId()).get("fundingHistory").toString())
			.contains("Round 1, finance-review: APPROVE 60000.00 EUR");
		decide(instance, DECIDE_AS_COMMITTEE, COMMITTEE_MEMBER, "approvalDecision", "APPROVE");

		assertThat(instance).hasPassedInOrder(REVIEW_AS_FINANCE, DECIDE_AS_COMMITTEE, "EndEvent_FundingApproved")
			.isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 6_000_000L);
		assertThat(approverDecisions(instance)).containsExactly(
				approver(1, "finance-review", "APPROVE", 6_000_000L, null),
				approver(1, Groups.BUDGET_COMMITTEE, "APPROVE", 6_000_000L, null));
		assertThat(approvers(instance)).extracting(a -> a.get("decidedBy"))
			.containsExactly(FINANCE_OFFICER, COMMITTEE_MEMBER);
		assertThat(committedCents(MOBILITY)).isEqualTo(6_000_000L);
	}

	// ---------------------------------------------------------------- revising:
	// resubmit, accept partial, withdraw

	@Test
	void aDeniedRequestIsRevisedAndTheNewAmountDecidesWhoApprovesRoundTwo() throws Exception {
		ProcessInstance instance = requestFunding(MOBILITY, 300000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason", "Too vague");

		Task revise = task(instance, REVISE);
		assertThat(revise.getAssignee()).isEqualTo(CHAMPION);
		assertThat(engine.getTaskService().getVariablesLocal(revise.getId()).get("fundingHistory").toString())
			.isEqualTo("Round 1, innovation-office: DENY (Too vague)");
		assertRefusedSaying(instance, REVISE, "revisionDecision",
				"'ACCEPT_PARTIAL' is not one of the choices for What do you want to do?", "revisionDecision",
				"ACCEPT_PARTIAL");
		assertRefused(instance, REVISE, "revisionDecision", "revisionDecision", "LATER");
		assertRefused(instance, REVISE, "newRequestedAmount", "revisionDecision", "RESUBMIT", "revisedPurpose",
				"Bike lanes and parking");
		assertRefused(instance, REVISE, "newRequestedAmount", "revisionDecision", "RESUBMIT", "newRequestedAmount", -5,
				"revisedPurpose", "Bike lanes and parking");
		assertRefused(instance, REVISE, "revisedPurpose", "revisionDecision", "RESUBMIT", "newRequestedAmount", 40000);

		decide(instance, REVISE, CHAMPION, "revisionDecision", "RESUBMIT", "newRequestedAmount", 40000,
				"revisedPurpose", "Bike lanes and secure parking");

		Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
		assertThat(variables).containsEntry("fundingRound", 2)
			.containsEntry("requestedAmountCents", 4_000_000L)
			.containsEntry("fundingPurpose", "Bike lanes and secure parking")
			.containsEntry("approvalLevel", "MEDIUM");
		assertThat(openTasks(instance)).containsExactlyInAnyOrder(APPROVE_AS_HEAD, APPROVE_AS_FINANCE);
		assertThat(candidateGroups(task(instance, APPROVE_AS_HEAD))).containsExactly("heads-mobility");
		assertThat(engine.getTaskService().getVariablesLocal(task(instance, APPROVE_AS_FINANCE).getId()))
			.containsEntry("requestedAmount", 40000.0)
			.containsEntry("fundingHistory", "Round 1, innovation-office: DENY (Too vague)");

		decide(instance, APPROVE_AS_HEAD, HEAD, "approvalDecision", "APPROVE");
		decide(instance, APPROVE_AS_FINANCE, FINANCE_OFFICER, "approvalDecision", "APPROVE");

		assertThat(instance).hasPassed("EndEvent_FundingApproved").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 4_000_000L);
		assertThat(approverDecisions(instance)).containsExactly(
				approver(1, Groups.INNOVATION_OFFICE, "DENY", 0L, "Too vague"),
				approver(2, "department-head", "APPROVE", 4_000_000L, null),
				approver(2, Groups.FINANCE, "APPROVE", 4_000_000L, null));
		assertThat(committedCents(MOBILITY)).isEqualTo(4_000_000L);
	}

	@Test
	void withdrawingAfterAPartialApprovalReleasesTheReservation() {
		ProcessInstance instance = requestFunding(MOBILITY, 400000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 2000,
				"approvalReason", "Start smaller");
		assertThat(reservedCents(instance)).isEqualTo(200000L);
		assertThat(committedCents(MOBILITY)).isEqualTo(200000L);

		decide(instance, REVISE, CHAMPION, "revisionDecision", "WITHDRAW");

		assertThat(instance).hasPassed("EndEvent_RequestWithdrawn").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("approvedAmountCents", 0L)
			.containsEntry("fundingReason", "The champion withdrew the funding request.");
		assertThat(reservedCents(instance)).isZero();
		assertThat(committedCents(MOBILITY)).isZero();
	}

	@Test
	void resubmittingAfterAPartialApprovalReleasesThatRoundsReservation() {
		ProcessInstance instance = requestFunding(MOBILITY, 400000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 2000,
				"approvalReason", "Start smaller");

		decide(instance, REVISE, CHAMPION, "revisionDecision", "RESUBMIT", "newRequestedAmount", 3000.5,
				"revisedPurpose", "One street only");

		assertThat(reservedCents(instance)).isZero();
		assertThat(committedCents(MOBILITY)).isZero();
		assertThat(engine.getTaskService().getVariablesLocal(task(instance, APPROVE_SMALL).getId()))
			.containsEntry("requestedAmount", 3000.5)
			.containsEntry("fundingHistory", "Round 1, innovation-office: PARTIAL 2000.00 EUR (Start smaller)");
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "APPROVE");

		assertThat(outputs(instance)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 300050L);
		assertThat(committedCents(MOBILITY)).isEqualTo(300050L);
	}

	// ---------------------------------------------------------------- the round limit

	@Test
	void aLaterRequestForTheSameIdeaGoesOnAfterItsLastRoundAndMayStillBeRevised() throws Exception {
		ProcessInstance first = requestFunding(MOBILITY, 200000L);
		decide(first, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "APPROVE");
		assertThat(first).isEnded();

		// an improvement round of the live service asks again (service-improvement)
		ProcessInstance later = requestFunding(reference(first), MOBILITY, 300000L, null);
		decide(later, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason", "Not now");

		assertThat(later).isWaitingAt(REVISE);
		assertThat(engine.getRuntimeService().getVariables(later.getId())).containsEntry("fundingRound", 2)
			.containsEntry("fundingRequestRound", 1);
		decide(later, REVISE, CHAMPION, "revisionDecision", "RESUBMIT", "newRequestedAmount", 1500, "revisedPurpose",
				"A smaller start");
		decide(later, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "APPROVE");

		assertThat(later).isEnded().hasPassed("EndEvent_FundingApproved");
		assertThat(outputs(later)).containsEntry("fundingOutcome", "APPROVED")
			.containsEntry("approvedAmountCents", 150000L)
			.containsEntry("fundingRound", 3);
		assertThat(approverDecisions(later)).containsExactly(
				approver(1, Groups.INNOVATION_OFFICE, "APPROVE", 200000L, null),
				approver(2, Groups.INNOVATION_OFFICE, "DENY", 0L, "Not now"),
				approver(3, Groups.INNOVATION_OFFICE, "APPROVE", 150000L, null));
		assertThat(reservedCents(later)).as("the first request's and this one's").isEqualTo(200000L + 150000L);
	}

	@Test
	void aSecondDenialEndsTheRequestWhenTheRoundsAreUsedUp() {
		ProcessInstance instance = requestFunding(MOBILITY, 300000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason", "Too vague");
		decide(instance, REVISE, CHAMPION, "revisionDecision", "RESUBMIT", "newRequestedAmount", 3000, "revisedPurpose",
				"Clearer now");

		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason",
				"Still too vague");

		assertThat(instance).hasPassed("EndEvent_RoundsUsedUp").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "DENIED")
			.containsEntry("approvedAmountCents", 0L)
			.containsEntry("fundingReason", "Still too vague")
			.containsEntry("fundingRound", 2);
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(REVISE)
			.count()).as("revise tasks").isEqualTo(1);
	}

	@Test
	void aPartialApprovalInTheLastRoundIsKept() {
		ProcessInstance instance = requestFunding(MOBILITY, 300000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason", "Too vague");
		decide(instance, REVISE, CHAMPION, "revisionDecision", "RESUBMIT", "newRequestedAmount", 3000, "revisedPurpose",
				"Clearer now");

		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 1000,
				"approvalReason", "A pilot street");

		assertThat(instance).hasPassed("EndEvent_RoundsUsedUp").isEnded();
		assertThat(outputs(instance)).containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 100000L);
		assertThat(reservedCents(instance)).isEqualTo(100000L);
		assertThat(committedCents(MOBILITY)).isEqualTo(100000L);
	}

	// ---------------------------------------------------------------- the department's
	// budget

	@Test
	void anApprovalAboveWhatIsLeftIsRefused_aPartialOneWithinItWorks() {
		ProcessInstance instance = requestFunding(CULTURE, 200000L);
		Task task = task(instance, APPROVE_SMALL);
		assertThat(engine.getTaskService().getVariableLocal(task.getId(), "remainingBudget")).isEqualTo(1000.0);

		assertRefusedSaying(instance, APPROVE_SMALL, "approvalDecision",
				"Decision: only 1000.00 EUR are left in the Culture department", "approvalDecision", "APPROVE");
		assertRefusedSaying(instance, APPROVE_SMALL, "approvalDecision", "Decision: only 1000.00 EUR",
				"approvalDecision", "PARTIAL", "approvedAmount", 1000.01, "approvalReason", "A bit more than we have");

		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 800,
				"approvalReason", "What the budget allows");

		assertThat(engine.getRuntimeService().getVariables(instance.getId()))
			.containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 80000L);
		assertThat(remainingCents(CULTURE)).isEqualTo(20000L);
		assertThat(engine.getTaskService().getVariableLocal(task(instance, REVISE).getId(), "remainingBudget"))
			.isEqualTo(200.0);
	}

	@Test
	void ofTwoApprovalsRacingForTheLastMoneyExactlyOneSucceeds() throws Exception {
		// 1,000 euros left; each asks for 600
		ProcessInstance first = requestFunding(CULTURE, 60000L);
		ProcessInstance second = requestFunding(CULTURE, 60000L);
		List<String> taskIds = List.of(task(first, APPROVE_SMALL).getId(), task(second, APPROVE_SMALL).getId());

		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Future<Exception>> results = new ArrayList<>();
		try {
			for (String taskId : taskIds) {
				Callable<Exception> approve = () -> {
					ready.countDown();
					go.await();
					try {
						submit(taskId, INNOVATION_OFFICER, "approvalDecision", "APPROVE");
						return null;
					}
					catch (Exception ex) {
						return ex;
					}
				};
				results.add(threads.submit(approve));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Exception> outcomes = new ArrayList<>();
			for (Future<Exception> result : results) {
				outcomes.add(result.get(60, TimeUnit.SECONDS));
			}

			assertThat(outcomes).as("approvals that went through").filteredOn(ex -> ex == null).hasSize(1);
			Exception refused = outcomes.stream().filter(ex -> ex != null).findFirst().orElseThrow();
			assertThat(refused).isInstanceOfAny(FormFieldValidationException.class, OptimisticLockingException.class,
					ProcessEngineException.class);
			if (refused instanceof FormFieldValidationException validation) {
				assertThat(validation.<Object>getDetail()).isEqualTo("approvalDecision");
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(committedCents(CULTURE)).as("exactly one approval committed").isEqualTo(60000L);
		assertThat(remainingCents(CULTURE)).as("never negative").isEqualTo(40000L);
		assertThat(reservedCents(first) + reservedCents(second)).isEqualTo(60000L);
		ProcessInstance approved = reservedCents(first) > 0 ? first : second;
		ProcessInstance refused = approved == first ? second : first;
		assertThat(approved).isEnded();
		assertThat(outputs(approved)).containsEntry("fundingOutcome", "APPROVED");
		assertThat(refused).isWaitingAt(APPROVE_SMALL);
		assertThat(decisions.findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(reference(refused))).isEmpty();

		// the loser reloads the task and approves what is left
		decide(refused, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 400,
				"approvalReason", "What is left");
		assertThat(remainingCents(CULTURE)).isZero();
	}

	// ---------------------------------------------------------------- outputs in history

	@Test
	void theOutputsForTheMainProcessAreInHistory() throws Exception {
		ProcessInstance instance = requestFunding(MOBILITY, 300000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "PARTIAL", "approvedAmount", 1500,
				"approvalReason", "Half now");
		decide(instance, REVISE, CHAMPION, "revisionDecision", "ACCEPT_PARTIAL");

		assertThat(instance).isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsKeys("fundingOutcome", "approvedAmountCents", "fundingReason", "fundingApprovers");
		assertThat(out).containsEntry("fundingOutcome", "PARTIALLY_APPROVED")
			.containsEntry("approvedAmountCents", 150000L)
			.containsEntry("fundingReason", "Half now");
		assertThat(out.get("approvedAmountCents")).isInstanceOf(Long.class);
		List<Map<String, Object>> approvers = approvers(instance);
		assertThat(approvers).hasSize(1);
		assertThat(approvers.get(0)).containsKeys("round", "role", "decision", "amountCents", "reason")
			.containsEntry("decidedBy", INNOVATION_OFFICER);
		assertThat(approverDecisions(instance))
			.containsExactly(approver(1, Groups.INNOVATION_OFFICE, "PARTIAL", 150000L, "Half now"));
	}

	// ---------------------------------------------------------------- deadlines

	@Test
	void anApprovalIsDueThenRemindedThenEscalated() {
		Instant created = Instant.now();
		ProcessInstance instance = requestFunding(MOBILITY, 300000L);
		Task task = task(instance, APPROVE_SMALL);
		// approve-funding: due P7D, reminder P5D, escalation P10D
		assertThat(task.getDueDate()).isNotNull();
		assertThat(Duration.between(created, task.getDueDate().toInstant()).toMinutes())
			.isCloseTo(Duration.ofDays(7).toMinutes(), within(2L));

		List<Job> timers = support.timers(instance);
		assertThat(timers).hasSize(3);
		assertThat(Duration.between(created, timers.get(0).getDuedate().toInstant()).toMinutes())
			.isCloseTo(Duration.ofDays(5).toMinutes(), within(2L));
		assertThat(timers.get(1).getDuedate()).as("overdue").isCloseTo(task.getDueDate(), 1000);
		assertThat(Duration.between(created, timers.get(2).getDuedate().toInstant()).toMinutes())
			.isCloseTo(Duration.ofDays(10).toMinutes(), within(2L));

		support.runTimer(timers.get(0));
		assertThat(task(instance, APPROVE_SMALL).getPriority()).as("due soon").isEqualTo(60);
		support.runTimer(timers.get(1));
		assertThat(task(instance, APPROVE_SMALL).getPriority()).as("overdue").isEqualTo(80);

		support.runTimer(timers.get(2));
		Task escalated = task(instance, APPROVE_SMALL);
		assertThat(escalated.getPriority()).isEqualTo(100);
		// escalated to the innovation office's leads, never to the office itself
		assertThat(candidateGroups(escalated)).containsExactlyInAnyOrder(Groups.INNOVATION_OFFICE,
				Groups.leadsOf(Groups.INNOVATION_OFFICE));

		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "APPROVE");
		assertThat(instance).isEnded();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void anOverdueRevisionIsEscalatedToTheInnovationOfficesLeads() {
		ProcessInstance instance = requestFunding(MOBILITY, 300000L);
		decide(instance, APPROVE_SMALL, INNOVATION_OFFICER, "approvalDecision", "DENY", "approvalReason", "Too vague");
		Task revise = task(instance, REVISE);
		assertThat(revise.getDueDate()).isNotNull();
		assertThat(candidateGroups(revise)).isEmpty();

		List<Job> timers = support.timers(instance);
		assertThat(timers).hasSize(3);
		support.runTimer(timers.get(0));
		assertThat(task(instance, REVISE).getPriority()).isEqualTo(60);
		support.runTimer(timers.get(1));
		assertThat(task(instance, REVISE).getPriority()).isEqualTo(80);
		support.runTimer(timers.get(2));

		Task escalated = task(instance, REVISE);
		assertThat(escalated.getPriority()).isEqualTo(100);
		assertThat(escalated.getAssignee()).isEqualTo(CHAMPION);
		assertThat(candidateGroups(escalated)).containsExactly("innovation-office-leads");
	}

}
