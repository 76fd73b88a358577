package city.ideatoservice.screening;

import static city.ideatoservice.idea.PublicStatus.IN_REVIEW;
import static city.ideatoservice.idea.PublicStatus.MERGED;
import static city.ideatoservice.idea.PublicStatus.REJECTED;
import static city.ideatoservice.idea.PublicStatus.SUBMITTED;
import static city.ideatoservice.idea.PublicStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
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
 * idea-screening on its own, started the way CallActivity_ScreenIdea of idea-to-service
 * starts it (the idea's reference as business key, its title, description, theme and
 * reach) for an idea registered as the portal does. The screener submits "Screen idea"
 * through the form service as Tasklist does, logged in with their groups.
 */
@IdeaToServiceTest
class IdeaScreeningProcessTest {

	static final String SCREEN = "Task_ScreenIdea";

	static final String SCREENER = "screener-screening";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(SCREENER, "innovation-office");
	}

	/**
	 * The variables CallActivity_ScreenIdea passes in (camunda:in), and the idea's
	 * reference as business key.
	 */
	ProcessInstance screen(String title, Theme theme, Reach reach) {
		String reference = support.registerIdea(title, theme, reach);
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", title);
		in.put("ideaDescription", "A description of " + title);
		in.put("ideaTheme", theme.name());
		in.put("ideaReach", reach.name());
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.IDEA_SCREENING, reference, in);
	}

	ProcessInstance newIdea() {
		return screen("Bike lanes", Theme.MOBILITY, Reach.CITY);
	}

	Task screening(ProcessInstance instance) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(SCREEN)
			.singleResult();
	}

	/**
	 * "Screen idea" as the screener submits it: the triage's proposal kept, this decision
	 * added.
	 */
	void decide(ProcessInstance instance, Map<String, Object> decision) {
		Map<String, Object> form = new LinkedHashMap<>(
				Map.of("category", "MOBILITY", "priority", "HIGH", "sponsorDepartment", "dept-mobility"));
		form.putAll(decision);
		support.submitAs(SCREENER, screening(instance).getId(), form);
		support.runJobs(instance);
	}

	/**
	 * What CallActivity_ScreenIdea gets back (camunda:out): the variables of the ended
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

	void answer(ProcessInstance instance, String answer) {
		engine.getRuntimeService()
			.createMessageCorrelation(ProcessKeys.MESSAGE_CITIZEN_ANSWERED)
			.processInstanceBusinessKey(instance.getBusinessKey())
			.setVariable("citizenAnswer", answer)
			.correlate();
	}

	Job questionTimer(ProcessInstance instance) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.activityId("Event_QuestionTimedOut")
			.singleResult();
	}

	// ---- the screener's task

	@Test
	void aNewIdeaWaitsForTheInnovationOfficeWithTheTriageProposal() {
		ProcessInstance instance = newIdea();
		String ref = instance.getBusinessKey();

		assertThat(instance).isWaitingAt(SCREEN).hasPassed("Task_ProposeTriage");
		assertThat(instance).variables()
			.containsEntry("category", "MOBILITY")
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("priority", "HIGH")
			.doesNotContainKey("triage");
		assertThat(engine.getTaskService().getIdentityLinksForTask(screening(instance).getId()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("innovation-office");
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW);
	}

	@Test
	void anAcceptedIdeaLeavesTheScreeningWithItsSponsorDepartment() {
		ProcessInstance instance = newIdea();

		decide(instance, Map.of("screeningDecision", "ACCEPT", "sponsorDepartment", "dept-urban-planning", "priority",
				"NORMAL"));

		assertThat(instance).isEnded().hasPassed("EndEvent_IdeaAccepted");
		assertThat(outputs(instance)).containsEntry("screeningDecision", "ACCEPT")
			.containsEntry("sponsorDepartment", "dept-urban-planning")
			.containsEntry("category", "MOBILITY")
			.containsEntry("priority", "NORMAL");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(IN_REVIEW);
	}

	@Test
	void aRejectedIdeaEndsRejectedWithTheReasonTheCitizenReads() {
		ProcessInstance instance = newIdea();
		String ref = instance.getBusinessKey();

		decide(instance, Map.of("screeningDecision", "REJECT", "publicReason", "The ring road is a regional road."));

		assertThat(instance).isEnded().hasPassed("EndEvent_IdeaRejected");
		assertThat(outputs(instance)).containsEntry("screeningDecision", "REJECT");
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, REJECTED);
		assertThat(support.lastReason(ref)).isEqualTo("The ring road is a regional road.");
	}

	@Test
	void aRejectionWithoutReasonIsRefusedAndTheTaskStaysOpen() {
		ProcessInstance instance = newIdea();

		assertThatThrownBy(() -> decide(instance, Map.of("screeningDecision", "REJECT")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Reason for rejection (the citizen reads it) is required.");
		assertThat(instance).isWaitingAt(SCREEN);
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(IN_REVIEW);
	}

	@Test
	void aDuplicateIsMergedIntoTheOtherIdeaAndTheCitizenIsToldWhich() {
		String original = support.registerIdea("Bike lanes on the ring", Theme.MOBILITY, Reach.CITY);
		ProcessInstance instance = newIdea();
		String ref = instance.getBusinessKey();

		decide(instance, Map.of("screeningDecision", "DUPLICATE", "duplicateOf", original));

		assertThat(instance).isEnded().hasPassedInOrder("Task_MergeIdea", "EndEvent_IdeaMerged");
		assertThat(outputs(instance)).containsEntry("screeningDecision", "DUPLICATE");
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, MERGED);
		assertThat(support.lastReason(ref)).contains(original).contains("Bike lanes on the ring");
		assertThat(support.status(original)).isEqualTo(SUBMITTED);
	}

	@Test
	void aDuplicateOfAnIdeaThatDoesNotExistOrOfItselfIsRefused() {
		ProcessInstance instance = newIdea();

		assertThatThrownBy(
				() -> decide(instance, Map.of("screeningDecision", "DUPLICATE", "duplicateOf", "IDEA-2026-999999")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Reference of the existing idea: there is no idea IDEA-2026-999999");
		assertThatThrownBy(() -> decide(instance,
				Map.of("screeningDecision", "DUPLICATE", "duplicateOf", instance.getBusinessKey())))
			.hasMessageContaining("itself");
		assertThat(instance).isWaitingAt(SCREEN);
	}

	// ---- a question to the citizen

	@Test
	void aQuestionWaitsForTheCitizensAnswerAndReturnsToTheScreener() {
		ProcessInstance instance = newIdea();

		decide(instance, Map.of("screeningDecision", "ASK", "questionToCitizen", "Which streets exactly?"));
		assertThat(instance).isWaitingAt("Gateway_AwaitAnswer").hasPassed("Task_AskCitizen");

		answer(instance, "Ring road between north and east gate");

		assertThat(instance).isWaitingAt(SCREEN).hasPassed("Event_AnswerReceived");
		assertThat(instance).variables().containsEntry("citizenAnswer", "Ring road between north and east gate");
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(IN_REVIEW);
	}

	@Test
	void aQuestionWithoutAnswerInTimeClosesTheIdea() {
		ProcessInstance instance = newIdea();
		String ref = instance.getBusinessKey();
		decide(instance, Map.of("screeningDecision", "ASK", "questionToCitizen", "Which streets exactly?"));

		Job timeout = questionTimer(instance);
		// idea-to-service.deadlines.question-timeout, 14 days
		assertThat(timeout.getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofDays(13))));
		engine.getManagementService().executeJob(timeout.getId());

		assertThat(instance).isEnded().hasPassed("EndEvent_IdeaLapsed");
		assertThat(support.statusHistory(ref)).containsExactly(SUBMITTED, IN_REVIEW, WITHDRAWN);
		assertThat(support.lastReason(ref)).contains("No answer");
	}

	// ---- deadlines

	@Test
	void anOverdueScreeningRemindsThenEscalates() {
		ProcessInstance instance = newIdea();
		Task task = screening(instance);
		assertThat(task.getDueDate()).isNotNull();
		List<Job> timers = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.activityId(SCREEN)
			.orderByJobDuedate()
			.asc()
			.list();
		assertThat(timers).hasSize(3);
		assertThat(timers.get(0).getDuedate()).isBefore(task.getDueDate());
		assertThat(timers.get(1).getDuedate()).as("overdue").isCloseTo(task.getDueDate(), 1000);
		assertThat(timers.get(2).getDuedate()).isAfter(task.getDueDate());

		engine.getManagementService().executeJob(timers.get(0).getId());
		assertThat(screening(instance).getPriority()).as("due soon").isEqualTo(60);
		engine.getManagementService().executeJob(timers.get(1).getId());
		assertThat(screening(instance).getPriority()).as("overdue").isEqualTo(80);
		engine.getManagementService().executeJob(timers.get(2).getId());
		assertThat(screening(instance).getPriority()).as("escalated").isEqualTo(100);
	}

}
