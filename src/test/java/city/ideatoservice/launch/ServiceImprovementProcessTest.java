package city.ideatoservice.launch;

import static city.ideatoservice.idea.PublicStatus.LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.council.OfficialAct;
import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
 * service-improvement on its own, started the way CallActivity_ImproveService of
 * service-launch starts it for a live service (adopted by a mayor's decree here): the
 * champion holds a co-design session and records the improvement, with new money
 * (funding-request, mocked: tested on its own) and a changed directive if needed.
 * Whatever happens, the service stays LIVE and the citizen reads a note per round.
 */
@IdeaToServiceTest
@MockedProcesses(ProcessKeys.FUNDING_REQUEST)
class ServiceImprovementProcessTest {

	static final String PLAN = "Task_PlanImprovementSession";

	static final String RECORD = "Task_RecordImprovement";

	static final String AMEND = "Task_AmendDirectives";

	static final String MAYORS_OFFICE = "mayor-improvement";

	/** What the mocked funding request was called with. */
	static final Map<String, Object> FUNDING_CALL = new ConcurrentHashMap<>();

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaService ideas;

	@Autowired
	OfficialActRepository register;

	@Autowired
	NotificationRepository notifications;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(ProcessTestSupport.CHAMPION, "innovation-office");
		support.ensureUser(MAYORS_OFFICE, "mayors-office");
		fundingEndsWith("APPROVED", null);
	}

	void fundingEndsWith(String outcome, String reason) {
		FUNDING_CALL.clear();
		new CallActivityMockForSpringContext(ProcessKeys.FUNDING_REQUEST, context).onExecutionDo(execution -> {
			FUNDING_CALL.putAll(execution.getVariables());
			execution.setVariable("fundingOutcome", outcome);
			execution.setVariable("approvedAmountCents", "DENIED".equals(outcome) ? 0L : 250000L);
			execution.setVariable("fundingReason", reason);
		}).deploy(engine);
	}

	/**
	 * A live service adopted by a mayor's decree with its directive, and the variables
	 * CallActivity_ImproveService passes in for its second round.
	 */
	ProcessInstance improve(String brief) {
		String reference = support.registerIdea("Night bus on demand", Theme.MOBILITY, Reach.CITY);
		ideas.changeStatus(reference, PublicStatus.ADOPTED, null);
		ideas.changeStatus(reference, LIVE, null);
		// a year of its own, numbered by the reference: no other test's act
		int sequence = Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
		register.save(new OfficialAct("2099/" + sequence, 2099, sequence, reference, "Night bus on demand",
				LocalDate.of(2026, 11, 2), null, "DIR-2026-7", "dept-mobility", LocalDate.of(2026, 12, 1),
				"Night transport procedure", OfficialAct.MAYORAL_DECREE, "The city runs a night bus on demand.", true));
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Night bus on demand");
		in.put("ideaDescription", "A description of Night bus on demand");
		in.put("ideaTheme", "MOBILITY");
		in.put("ideaReach", "CITY");
		in.put("sponsorDepartment", "dept-mobility");
		in.put("champion", ProcessTestSupport.CHAMPION);
		in.put("actNumber", "2099/" + sequence);
		in.put("improvementBrief", brief);
		in.put("improvementRound", 2);
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.SERVICE_IMPROVEMENT, reference, in);
	}

	Task task(ProcessInstance instance, String taskDefinitionKey) {
		return support.task(instance.getBusinessKey(), taskDefinitionKey);
	}

	void complete(ProcessInstance instance, String taskDefinitionKey, String user, Map<String, Object> form) {
		support.submitAs(user, task(instance, taskDefinitionKey).getId(), form);
		support.runJobs(instance);
	}

	void planSession(ProcessInstance instance) {
		complete(instance, PLAN, ProcessTestSupport.CHAMPION,
				Map.of("sessionFormat", "LIVING_LAB", "sessionDate", LocalDate.now().plusDays(7).toString(),
						"sessionPlace", "Night bus depot", "sessionParticipants", "Night workers, drivers"));
	}

	void recordImprovement(ProcessInstance instance, String funding, Object budget, String changesDirective) {
		Map<String, Object> form = new HashMap<>(
				Map.of("improvementSummary", "The night bus now also serves the east side.", "improvementFunding",
						funding, "improvementChangesDirective", changesDirective));
		if (budget != null) {
			form.put("estimatedBudget", budget);
		}
		complete(instance, RECORD, ProcessTestSupport.CHAMPION, form);
	}

	List<NotificationKind> citizenMails(String reference) {
		return notifications.findByIdeaIdOrderByCreatedAt(ideas.require(reference).id())
			.stream()
			.map(Notification::kind)
			.toList();
	}

	@Test
	void theChampionHoldsASessionAndTheServiceStaysLiveWithANotePerRound() {
		ProcessInstance instance = improve("Extend to the east side");
		String reference = instance.getBusinessKey();
		assertThat(task(instance, PLAN).getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		planSession(instance);
		assertThat(task(instance, RECORD).getAssignee()).isEqualTo(ProcessTestSupport.CHAMPION);
		assertThat(engine.getTaskService().getVariable(task(instance, RECORD).getId(), "improvementBrief"))
			.isEqualTo("Extend to the east side");

		recordImprovement(instance, "NO_FUNDING", null, "NO");

		assertThat(instance).isEnded()
			.hasPassed("EndEvent_ServiceImproved")
			.hasNotPassed("CallActivity_RequestImprovementFunding", AMEND);
		assertThat(support.status(reference)).isEqualTo(LIVE);
		assertThat(support.statusHistory(reference)).endsWith(LIVE, LIVE).doesNotContain(PublicStatus.CO_DESIGN);
		assertThat(support.lastReason(reference))
			.isEqualTo("Improvement round 2: The night bus now also serves the east side.");
		assertThat(citizenMails(reference)).endsWith(NotificationKind.SERVICE_NEWS);
	}

	@Test
	void newMoneyIsRequestedLikeAPrototypesAndAChangedDirectiveIsAmendedInTheRegister() {
		ProcessInstance instance = improve("More buses at weekends");
		String reference = instance.getBusinessKey();
		planSession(instance);

		recordImprovement(instance, "NEW_FUNDING", 2500.5, "YES");

		assertThat(FUNDING_CALL).containsEntry("ideaReference", reference)
			.containsEntry("requestedAmountCents", 250050L)
			.containsEntry("fundingPurpose", "The night bus now also serves the east side.")
			.containsEntry("sponsorDepartment", "dept-mobility")
			.containsEntry("champion", ProcessTestSupport.CHAMPION);
		Task amend = task(instance, AMEND);
		assertThat(engine.getTaskService().getIdentityLinksForTask(amend.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("mayors-office");
		complete(instance, AMEND, MAYORS_OFFICE,
				Map.of("directiveReference", "DIR-2027-3", "responsibleDepartments",
						JsonVariables.list(List.of("dept-mobility")), "directiveEffectiveDate",
						LocalDate.now().plusDays(30).toString(), "amendedProcedure", "Night transport procedure"));

		assertThat(instance).isEnded().hasPassed("EndEvent_ServiceImproved");
		OfficialAct act = register.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(reference).orElseThrow();
		assertThat(act.directiveReference()).isEqualTo("DIR-2027-3");
		assertThat(act.isDecree()).as("still the decree that adopted it").isTrue();
		assertThat(support.status(reference)).isEqualTo(LIVE);
		assertThat(support.lastReason(reference)).startsWith("Improvement round 2: The night bus")
			.contains("Amended directive DIR-2027-3");
	}

	@Test
	void deniedMoneyLeavesTheServiceLiveAndUnchangedWithTheReason() {
		fundingEndsWith("DENIED", "No budget left this year");
		ProcessInstance instance = improve("Extend to the east side");
		String reference = instance.getBusinessKey();
		planSession(instance);

		recordImprovement(instance, "NEW_FUNDING", 12000, "YES");

		assertThat(instance).isEnded().hasPassed("EndEvent_ImprovementNotFunded").hasNotPassed(AMEND);
		assertThat(support.status(reference)).isEqualTo(LIVE);
		assertThat(support.statusHistory(reference)).doesNotContain(PublicStatus.NOT_ADOPTED);
		assertThat(support.lastReason(reference)).startsWith(
				"Improvement round 2 was not funded: No budget left this year. The service continues as it is.");
	}

	@Test
	void noMoneyIsAskedForNothing() {
		ProcessInstance instance = improve("Extend to the east side");
		planSession(instance);

		assertThatThrownBy(() -> recordImprovement(instance, "NEW_FUNDING", 0, "NO"))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Money needed must be at least 0.01.");
		assertThat(instance).isWaitingAt(RECORD);
	}

	@Test
	void aLiveServiceInAnImprovementRoundCannotBeWithdrawn() {
		ProcessInstance instance = improve("Extend to the east side");

		assertThatThrownBy(() -> support.runtime()
			.createMessageCorrelation("IdeaWithdrawalRequested")
			.processInstanceBusinessKey(instance.getBusinessKey())
			.correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThat(instance).isWaitingAt(PLAN);
		assertThat(support.status(instance.getBusinessKey())).isEqualTo(LIVE);
	}

}
