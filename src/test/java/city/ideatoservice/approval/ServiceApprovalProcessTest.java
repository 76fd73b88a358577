package city.ideatoservice.approval;

import static city.ideatoservice.idea.PublicStatus.APPROVALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * service-approval on its own, started the way CallActivity_ApproveService of
 * idea-to-service starts it: the idea, its objectives and pilot results, the champion and
 * the implementing departments "Recommend adoption" named. Who approves comes from the
 * DMN service-approvers (ServiceApproversDecisionTest has its rows). Every approver
 * submits "Approve service for department" through the form service as Tasklist does,
 * logged in with their groups.
 */
@IdeaToServiceTest
class ServiceApprovalProcessTest {

	static final String APPROVE = "Task_ApproveService";

	static final String REVISE = "Task_ReviseProposal";

	static final String CHAMPION = ProcessTestSupport.CHAMPION;

	static final List<String> GROUPS = List.of("dept-mobility", "dept-urban-planning", "legal", "it", "finance");

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaService ideas;

	@Autowired
	ApprovalDecisionRepository decisions;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(CHAMPION, "innovation-office");
		GROUPS.forEach(group -> support.ensureUser(approverOf(group), group));
	}

	static String approverOf(String group) {
		return "approver-" + group;
	}

	/**
	 * The variables CallActivity_ApproveService passes in (camunda:in), for an idea
	 * registered as the portal does.
	 */
	ProcessInstance requestApproval(List<String> implementingDepartments, Integer approvalRound) {
		String reference = support.registerIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes");
		in.put("ideaDescription", "A description of Bike lanes");
		in.put("ideaTheme", "MOBILITY");
		in.put("ideaReach", "CITY");
		in.put("objectives", "Safer cycling to school");
		in.put("pilotResults", "300 pupils cycled");
		in.put("champion", CHAMPION);
		in.put("implementingDepartments", JsonVariables.list(implementingDepartments));
		in.put("approvalRound", approvalRound);
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.SERVICE_APPROVAL, reference, in);
	}

	ProcessInstance requestApproval() {
		return requestApproval(List.of("dept-mobility", "dept-urban-planning"), null);
	}

	List<Task> approvals(ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(APPROVE)
			.list();
	}

	String groupOf(Task task) {
		List<String> groups = engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.toList();
		assertThat(groups).as("candidate groups of %s", task.getId()).hasSize(1);
		return groups.get(0);
	}

	/**
	 * Each group's approver submits their decision; the one named gives the other
	 * decision with a reason.
	 */
	void decide(ProcessInstance instance, String exceptGroup, String decision, String reason) {
		for (Task task : approvals(instance)) {
			String group = groupOf(task);
			support.submitAs(approverOf(group), task.getId(),
					group.equals(exceptGroup) ? Map.of("approvalDecision", decision, "approvalReason", reason)
							: Map.of("approvalDecision", "APPROVE"));
		}
		support.runJobs(instance);
	}

	void approveAll(ProcessInstance instance) {
		decide(instance, null, null, null);
	}

	List<String> tasksSeenBy(String user, ProcessInstance instance) {
		return support.asUser(user,
				() -> engine.getTaskService()
					.createTaskQuery()
					.taskCandidateUser(user)
					.processInstanceId(instance.getId())
					.list()
					.stream()
					.map(Task::getTaskDefinitionKey)
					.toList());
	}

	/**
	 * What CallActivity_ApproveService gets back (camunda:out): the variables of the
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

	List<ApprovalDecision> recorded(ProcessInstance instance, int round) {
		return decisions.findByIdeaIdAndApprovalRoundOrderByApproverGroup(ideas.require(instance.getBusinessKey()).id(),
				round);
	}

	@Test
	void everyImplementingDepartmentPlusLegalItAndFinanceApproveInParallel() {
		ProcessInstance instance = requestApproval();

		assertThat(instance).hasPassed("Task_DetermineApprovers").isWaitingAt(APPROVE);
		assertThat(approvals(instance)).extracting(this::groupOf).containsExactlyInAnyOrderElementsOf(GROUPS);
		assertThat(tasksSeenBy(approverOf("legal"), instance)).containsExactly(APPROVE);
		assertThat(tasksSeenBy(CHAMPION, instance)).isEmpty();
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(APPROVALS);

		approveAll(instance);

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceApproved");
		assertThat(outputs(instance)).containsEntry("approvalOutcome", "APPROVED");
		assertThat(recorded(instance, 1)).extracting(ApprovalDecision::approverGroup)
			.containsExactlyInAnyOrderElementsOf(GROUPS);
	}

	@Test
	void requestedChangesGoBackToTheChampionAndEveryApprovalRunsAgain() {
		ProcessInstance instance = requestApproval();

		decide(instance, "legal", "REQUEST_CHANGES", "Add a data protection notice");

		assertThat(instance).isWaitingAt(REVISE);
		Task revision = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(REVISE)
			.singleResult();
		assertThat(revision.getAssignee()).isEqualTo(CHAMPION);
		assertThat(instance).variables()
			.containsEntry("approvalFeedback", "legal: Add a data protection notice")
			.containsEntry("approvalRound", 2);

		support.submitAs(CHAMPION, revision.getId(), Map.of("revisionSummary", "Notice added"));
		support.runJobs(instance);
		assertThat(approvals(instance)).extracting(this::groupOf).containsExactlyInAnyOrderElementsOf(GROUPS);
		approveAll(instance);

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceApproved");
		assertThat(outputs(instance)).containsEntry("approvalOutcome", "APPROVED").containsEntry("approvalRound", 2);
		List<ApprovalDecision> secondRound = recorded(instance, 2);
		assertThat(secondRound).hasSize(GROUPS.size() + 1);
		assertThat(secondRound).filteredOn(d -> ProposalRevisionRecorder.REVISION.equals(d.approverGroup()))
			.singleElement()
			.satisfies(revised -> {
				assertThat(revised.decision()).isEqualTo("REVISED");
				assertThat(revised.reason()).isEqualTo("Notice added");
				assertThat(revised.decidedBy()).isEqualTo(CHAMPION);
			});
	}

	@Test
	void aRevisionThatRepeatsAnEarlierOneIsRefused() {
		ProcessInstance instance = requestApproval();
		decide(instance, "legal", "REQUEST_CHANGES", "Add a data protection notice");
		support.submitAs(CHAMPION, support.task(instance.getBusinessKey(), REVISE).getId(),
				Map.of("revisionSummary", "Notice added"));
		support.runJobs(instance);
		decide(instance, "it", "REQUEST_CHANGES", "Name the hosting provider");
		Task second = support.task(instance.getBusinessKey(), REVISE);
		assertThat(engine.getTaskService().getVariable(second.getId(), "revisionSummary"))
			.as("Tasklist offers the last summary again")
			.isEqualTo("Notice added");

		assertThatThrownBy(
				() -> support.submitAs(CHAMPION, second.getId(), Map.of("revisionSummary", " notice added ")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageStartingWith("What was changed: this is the summary of an earlier revision");
		assertThat(instance).isWaitingAt(REVISE);

		support.submitAs(CHAMPION, second.getId(), Map.of("revisionSummary", "Hosting provider named"));
		support.runJobs(instance);
		assertThat(instance).isWaitingAt(APPROVE);
		assertThat(recorded(instance, 3)).extracting(ApprovalDecision::reason)
			.containsExactly("Hosting provider named");
	}

	@Test
	void oneRejectionRejectsTheServiceWithAReasonTheCitizenReads() {
		ProcessInstance instance = requestApproval();
		Task first = approvals(instance).get(0);
		assertThatThrownBy(
				() -> support.submitAs(approverOf(groupOf(first)), first.getId(), Map.of("approvalDecision", "REJECT")))
			.isInstanceOf(FormFieldValidationException.class);

		decide(instance, "it", "REJECT", "Cannot be run on city systems");

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceRejected");
		assertThat(outputs(instance)).containsEntry("approvalOutcome", "REJECTED")
			.containsEntry("publicReason", "it: Cannot be run on city systems");
	}

	@Test
	void theRoundTheIdeaIsInGoesOn() {
		ProcessInstance instance = requestApproval(List.of("dept-mobility"), 3);

		approveAll(instance);

		assertThat(recorded(instance, 3)).extracting(ApprovalDecision::approverGroup)
			.containsExactlyInAnyOrder("dept-mobility", "legal", "it", "finance");
		assertThat(outputs(instance)).containsEntry("approvalRound", 3);
	}

	@Test
	void aGroupThatDoesNotExistStopsTheApprovalBeforeAnyTask() {
		assertThatThrownBy(() -> requestApproval(List.of("dept-mobility", "dept-nowhere"), null))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("service-approvers")
			.hasMessageContaining("dept-nowhere");
	}

}
