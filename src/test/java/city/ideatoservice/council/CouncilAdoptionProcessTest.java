package city.ideatoservice.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * council-adoption on its own, started the way CallActivity_CouncilAdoption of
 * idea-to-service starts it (ideaReference, ideaTitle, sponsorDepartment), every task
 * submitted through the form service as Tasklist does, as an authenticated user with
 * their groups (authorization is on). The council's calendar of this test, made anew for
 * each test: a council session a week ago, today, and every four weeks after today; a
 * committee session in two weeks.
 */
@IdeaToServiceTest
class CouncilAdoptionProcessTest {

	static final String PREPARE = "Task_PrepareAgendaItem";

	static final String REVIEW = "Task_RecordCommitteeReview";

	static final String VOTE = "Task_RecordCouncilVote";

	static final String DECIDE_DEFERRED = "Task_DecideDeferredItem";

	static final String WAIT_FOR_SESSION = "Event_SessionDate";

	static final String CLERK = "clerk-council";

	static final String INNOVATION_OFFICER = "officer-council";

	static final String DRAFT = "The city builds protected bike lanes on the main roads.";

	@Autowired
	ProcessTestSupport support;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CouncilSessionRepository sessions;

	@Autowired
	AgendaItemRepository agenda;

	@Autowired
	OfficialActRepository register;

	@Autowired
	CouncilCalendar calendar;

	@Autowired
	Council council;

	final LocalDate today = LocalDate.now();

	/** A council session a week ago: over. */
	CouncilSession past;

	/** Today's council session: the first one agenda items are prepared for. */
	CouncilSession first;

	/** Council sessions four, eight, twelve and sixteen weeks from now. */
	CouncilSession second;

	CouncilSession third;

	CouncilSession fourth;

	CouncilSession fifth;

	/** A committee session in two weeks: no council vote there. */
	CouncilSession committeeSession;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		ensureUser(CLERK, Groups.COUNCIL_CLERKS);
		ensureUser(INNOVATION_OFFICER, Groups.INNOVATION_OFFICE);
		// the task forms offer every coming council session: only this test's (other test
		// classes plan sessions too)
		register.deleteAll();
		agenda.deleteAll();
		sessions.deleteAll();
		past = session(CouncilSession.COUNCIL, today.minusWeeks(1), 41, null);
		first = session(CouncilSession.COUNCIL, today, 41, null);
		second = session(CouncilSession.COUNCIL, today.plusWeeks(4), 41, null);
		third = session(CouncilSession.COUNCIL, today.plusWeeks(8), 41, "City council (budget)");
		fourth = session(CouncilSession.COUNCIL, today.plusWeeks(12), 41, null);
		fifth = session(CouncilSession.COUNCIL, today.plusWeeks(16), 41, null);
		committeeSession = session(CouncilSession.COMMITTEE, today.plusWeeks(2), 11, "Committee on Mobility");
	}

	CouncilSession session(String body, LocalDate date, int seats, String title) {
		return sessions.findAll()
			.stream()
			.filter(s -> s.body().equals(body) && s.sessionDate().equals(date))
			.findFirst()
			.orElseGet(() -> sessions.save(new CouncilSession(null, body, date, seats, title)));
	}

	void ensureUser(String id, String... groups) {
		support.ensureUser(id, groups);
	}

	// ---------------------------------------------------------------- starting, working
	// and reading the process

	/**
	 * A fresh idea reference (at most 20 characters): agenda items and acts are kept by
	 * reference.
	 */
	static String newReference() {
		return ProcessTestSupport.newReference();
	}

	/**
	 * The variables CallActivity_CouncilAdoption passes in (camunda:in), and the main
	 * process's business key.
	 */
	ProcessInstance proposeAdoption() {
		String reference = newReference();
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes " + reference);
		in.put("sponsorDepartment", "dept-mobility");
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.COUNCIL_ADOPTION, reference, in);
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

	List<String> candidateGroups(Task task) {
		return engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	static Map<String, Object> form(Object... keyValues) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put((String) keyValues[i], keyValues[i + 1]);
		}
		return form;
	}

	/**
	 * Submits a task's form as the user would in Tasklist: authenticated, with their
	 * groups.
	 */
	void submit(String taskId, String user, Object... keyValues) {
		support.submitAs(user, taskId, form(keyValues));
	}

	void complete(ProcessInstance instance, String taskDefinitionKey, Object... keyValues) {
		Task task = task(instance, taskDefinitionKey);
		submit(task.getId(), workerOf(task), keyValues);
	}

	String workerOf(Task task) {
		return candidateGroups(task).contains(Groups.INNOVATION_OFFICE) ? INNOVATION_OFFICER : CLERK;
	}

	/**
	 * The form is refused naming the field; the task stays open and the agenda item is
	 * unchanged.
	 */
	void assertRefused(ProcessInstance instance, String taskDefinitionKey, String field, Object... keyValues) {
		Task task = task(instance, taskDefinitionKey);
		List<AgendaItem> before = agendaItems(instance);
		Map<String, Object> variablesBefore = processVariables(instance);

		assertThatThrownBy(() -> submit(task.getId(), workerOf(task), keyValues))
			.isInstanceOf(FormFieldValidationException.class)
			.satisfies(refused -> assertThat(((FormFieldValidationException) refused).<Object>getDetail())
				.as("the field refused")
				.isEqualTo(field));

		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open")
			.isEqualTo(1);
		assertThat(instance).isWaitingAt(taskDefinitionKey);
		assertThat(agendaItems(instance)).as("agenda item unchanged").isEqualTo(before);
		assertThat(processVariables(instance)).as("process variables unchanged").isEqualTo(variablesBefore);
	}

	Map<String, Object> processVariables(ProcessInstance instance) {
		return new HashMap<>(engine.getRuntimeService().getVariables(instance.getId()));
	}

	/**
	 * The process instance's own variables in history: what CallActivity_CouncilAdoption
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

	List<AgendaItem> agendaItems(ProcessInstance instance) {
		return agenda.findAll().stream().filter(item -> reference(instance).equals(item.ideaReference())).toList();
	}

	AgendaItem agendaItem(ProcessInstance instance) {
		List<AgendaItem> items = agendaItems(instance);
		assertThat(items).as("agenda items of %s", reference(instance)).hasSize(1);
		return items.get(0);
	}

	List<OfficialAct> acts(ProcessInstance instance) {
		return register.findAll().stream().filter(act -> reference(instance).equals(act.ideaReference())).toList();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> sessionOptions(Task task) throws Exception {
		Object options = engine.getTaskService().getVariableLocal(task.getId(), "sessionOptions");
		assertThat(options).as("sessionOptions of %s", task.getTaskDefinitionKey()).isNotNull();
		return new ObjectMapper().readValue(options.toString(), new TypeReference<List<Map<String, Object>>>() {
		});
	}

	static Map<String, Object> option(CouncilSession session) {
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("label", session.label() + " (" + session.seats() + " seats)");
		option.put("value", String.valueOf(session.id()));
		return option;
	}

	static String id(CouncilSession session) {
		return String.valueOf(session.id());
	}

	static Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	/**
	 * Prepares the agenda item for a session (favourable committee review unless told)
	 * and reaches the vote.
	 */
	ProcessInstance atTheVote(CouncilSession session) {
		ProcessInstance instance = proposeAdoption();
		complete(instance, PREPARE, "draftActText", DRAFT, "committee", "MOBILITY_ENVIRONMENT", "councilSessionId",
				id(session));
		complete(instance, REVIEW, "committeeOpinion", "FAVOURABLE");
		assertThat(instance).isWaitingAt(VOTE);
		return instance;
	}

	void vote(ProcessInstance instance, Object... keyValues) {
		complete(instance, VOTE, keyValues);
	}

	void defer(ProcessInstance instance, CouncilSession to) {
		vote(instance, "votesFor", 10, "votesAgainst", 10, "votesAbstain", 5, "councilVote", "DEFERRED",
				"deferredToSessionId", id(to));
	}

	@Test
	void aVoteCannotBeRecordedBeforeItsSessionTookPlace() {
		ProcessInstance instance = atTheVote(second);

		assertRefused(instance, VOTE, "councilVote", "votesFor", 30, "votesAgainst", 5, "votesAbstain", 0,
				"councilVote", "ADOPTED");
	}

	/**
	 * The process waits for the session; the timer is due on the session's morning. Runs
	 * it.
	 */
	void sessionHeld(ProcessInstance instance, CouncilSession session) {
		assertThat(instance).isWaitingAt(WAIT_FOR_SESSION);
		List<Job> timers = support.timers(instance);
		assertThat(timers).as("only the session timer").hasSize(1);
		Job timer = timers.get(0);
		assertThat(timer.getDuedate()).as("timer of %s", session.sessionDate())
			.isEqualTo(startOf(session.sessionDate()));
		// the session's day has come: the vote may be recorded
		org.camunda.bpm.engine.impl.util.ClockUtil
			.setCurrentTime(java.util.Date.from(startOf(session.sessionDate()).toInstant().plus(Duration.ofHours(10))));
		support.runTimer(timer);
		assertThat(instance).isWaitingAt(VOTE);
	}

	/**
	 * The task is due, reminded and escalated after the periods of application.yml
	 * (deadlines.tasks).
	 */
	void assertDeadlines(ProcessInstance instance, String taskDefinitionKey, Instant created, Duration due,
			Duration reminder, Duration escalation) {
		Task task = task(instance, taskDefinitionKey);
		// counted from the task's creation, by the engine's clock (the session tests move
		// it to the session's day)
		created = task.getCreateTime().toInstant();
		assertThat(task.getDueDate()).as("due date of %s", taskDefinitionKey).isNotNull();
		assertThat(Duration.between(created, task.getDueDate().toInstant()).toMinutes()).isCloseTo(due.toMinutes(),
				within(2L));
		List<Job> timers = support.timers(instance);
		assertThat(timers).as("reminder, overdue and escalation of %s", taskDefinitionKey).hasSize(3);
		assertThat(Duration.between(created, timers.get(0).getDuedate().toInstant()).toMinutes()).as("reminder")
			.isCloseTo(reminder.toMinutes(), within(2L));
		assertThat(timers.get(1).getDuedate()).as("overdue").isCloseTo(task.getDueDate(), 1000);
		assertThat(Duration.between(created, timers.get(2).getDuedate().toInstant()).toMinutes()).as("escalation")
			.isCloseTo(escalation.toMinutes(), within(2L));
	}

	// ---------------------------------------------------------------- prepare agenda
	// item

	@Test
	void theClerkDraftsTheActKnowingTheIdeaThePilotAndItsCost() {
		String reference = newReference();
		Map<String, Object> in = new HashMap<>();
		in.put("ideaReference", reference);
		in.put("ideaTitle", "Bike lanes " + reference);
		in.put("sponsorDepartment", "dept-mobility");
		// what the idea's process holds (read there when called from it)
		in.put("ideaDescription", "Separate bike lanes on the ring road.");
		in.put("objectives", "200 more cyclists a day");
		in.put("pilotResults", "260 more cyclists a day");
		in.put("objectivesMet", "ALL");
		in.put("yearlyRunningCost", 60000);
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.COUNCIL_ADOPTION, reference, in);

		Task prepare = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("Task_PrepareAgendaItem")
			.singleResult();
		assertThat((String) engine.getTaskService().getVariableLocal(prepare.getId(), "decisionFacts")).isEqualTo("""
				**Description**

				Separate bike lanes on the ring road.

				**Objectives**

				200 more cyclists a day

				**Pilot results**

				260 more cyclists a day

				**Pilot**

				- Objectives met: all

				**Cost and funding**

				- Yearly running cost: 60.000,00\u00a0€""");
	}

	@Test
	void theClerksPrepareTheAgendaItemFromTheComingCouncilSessions() throws Exception {
		Instant created = Instant.now();
		ProcessInstance instance = proposeAdoption();

		assertThat(instance).isStarted().isWaitingAt(PREPARE);
		Task task = task(instance, PREPARE);
		assertThat(candidateGroups(task)).containsExactly(Groups.COUNCIL_CLERKS);
		assertThat(task.getAssignee()).isNull();
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.taskId(task.getId())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef()
			.getKey()).isEqualTo("prepare-agenda-item");
		assertDeadlines(instance, PREPARE, created, Duration.ofDays(10), Duration.ofDays(7), Duration.ofDays(14));

		// only coming council sessions, in date order: not the past one, not the
		// committee's
		assertThat(sessionOptions(task)).containsExactly(option(first), option(second), option(third), option(fourth),
				option(fifth));
		assertThat(engine.getTaskService().getVariablesLocal(task.getId())).containsKey("sessionOptions");
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).as("options are task-local")
			.doesNotContainKey("sessionOptions")
			.containsEntry("ideaReference", reference(instance))
			.containsEntry("sponsorDepartment", "dept-mobility");
		assertThat(agendaItems(instance)).isEmpty();
	}

	@Test
	void anAgendaItemNeedsItsDraftACommitteeAndAComingCouncilSession() {
		ProcessInstance instance = proposeAdoption();

		assertRefused(instance, PREPARE, "councilSessionId", "draftActText", DRAFT, "committee", "FINANCE",
				"councilSessionId", id(past));
		assertRefused(instance, PREPARE, "councilSessionId", "draftActText", DRAFT, "committee", "FINANCE",
				"councilSessionId", id(committeeSession));
		assertRefused(instance, PREPARE, "councilSessionId", "draftActText", DRAFT, "committee", "FINANCE",
				"councilSessionId", "999999");
		assertRefused(instance, PREPARE, "councilSessionId", "draftActText", DRAFT, "committee", "FINANCE",
				"councilSessionId", "next Tuesday");
		assertRefused(instance, PREPARE, "councilSessionId", "draftActText", DRAFT, "committee", "FINANCE");
		assertRefused(instance, PREPARE, "draftActText", "committee", "FINANCE", "councilSessionId", id(first));
		assertRefused(instance, PREPARE, "draftActText", "draftActText", "  ", "committee", "FINANCE",
				"councilSessionId", id(first));
		assertRefused(instance, PREPARE, "draftActText", "draftActText", "x".repeat(8001), "committee", "FINANCE",
				"councilSessionId", id(first));
		assertRefused(instance, PREPARE, "committee", "draftActText", DRAFT, "councilSessionId", id(first));
		assertRefused(instance, PREPARE, "committee", "draftActText", DRAFT, "committee", "PARKS", "councilSessionId",
				id(first));

		assertThat(agendaItems(instance)).isEmpty();
	}

	@Test
	void aPreparedItemIsOnTheSessionsAgendaAndGoesToTheCommittee() {
		Instant created = Instant.now();
		ProcessInstance instance = proposeAdoption();

		complete(instance, PREPARE, "draftActText", "  " + DRAFT + "  ", "committee", "URBAN_PLANNING",
				"councilSessionId", id(second));

		assertThat(instance).hasPassed(PREPARE).isWaitingAt(REVIEW);
		AgendaItem item = agendaItem(instance);
		assertThat(item.id()).isNotNull();
		assertThat(item.title()).isEqualTo("Bike lanes " + reference(instance));
		assertThat(item.committee()).isEqualTo("URBAN_PLANNING");
		assertThat(item.sessionId()).isEqualTo(second.id());
		assertThat(item.draftAct()).isEqualTo(DRAFT);
		assertThat(item.committeeOpinion()).isNull();
		assertThat(item.amendments()).isNull();
		assertThat(item.decision()).isNull();
		assertThat(item.votesFor()).isNull();
		assertThat(item.deferrals()).isZero();
		assertThat(item.createdAt()).isNotNull();
		assertThat(agenda.findBySessionIdOrderById(second.id())).contains(item);
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("agendaItemId", item.id())
			.containsEntry("councilSessionId", id(second))
			.containsEntry("deferrals", 0);

		Task review = task(instance, REVIEW);
		assertThat(candidateGroups(review)).containsExactly(Groups.COUNCIL_CLERKS);
		assertDeadlines(instance, REVIEW, created, Duration.ofDays(30), Duration.ofDays(21), Duration.ofDays(40));
	}

	// ---------------------------------------------------------------- committee review

	@ParameterizedTest
	@ValueSource(strings = { "FAVOURABLE", "UNFAVOURABLE" })
	void theCommitteesOpinionIsKeptOnTheAgendaItem(String opinion) {
		ProcessInstance instance = proposeAdoption();
		complete(instance, PREPARE, "draftActText", DRAFT, "committee", "MOBILITY_ENVIRONMENT", "councilSessionId",
				id(first));

		complete(instance, REVIEW, "committeeOpinion", opinion);

		assertThat(instance).isWaitingAt(VOTE);
		AgendaItem item = agendaItem(instance);
		assertThat(item.committeeOpinion()).isEqualTo(opinion);
		assertThat(item.amendments()).isNull();
		assertThat(item.decision()).isNull();
		assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("committeeOpinion",
				opinion);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "amendments")).isNull();
	}

	@Test
	void amendmentsNeedTheirTextWhichIsKept() {
		ProcessInstance instance = proposeAdoption();
		complete(instance, PREPARE, "draftActText", DRAFT, "committee", "MOBILITY_ENVIRONMENT", "councilSessionId",
				id(first));

		assertRefused(instance, REVIEW, "amendments", "committeeOpinion", "AMENDMENTS");
		assertRefused(instance, REVIEW, "amendments", "committeeOpinion", "AMENDMENTS", "amendments", " ");
		assertRefused(instance, REVIEW, "amendments", "committeeOpinion", "AMENDMENTS", "amendments", "x".repeat(4001));
		assertRefused(instance, REVIEW, "committeeOpinion", "amendments", "Only on weekdays");
		assertRefused(instance, REVIEW, "committeeOpinion", "committeeOpinion", "favourable");
		assertThat(agendaItem(instance).committeeOpinion()).isNull();

		complete(instance, REVIEW, "committeeOpinion", "AMENDMENTS", "amendments", "Only on roads wider than 7 m");

		assertThat(instance).isWaitingAt(VOTE);
		AgendaItem item = agendaItem(instance);
		assertThat(item.committeeOpinion()).isEqualTo("AMENDMENTS");
		assertThat(item.amendments()).isEqualTo("Only on roads wider than 7 m");
		assertThat(item.draftAct()).isEqualTo(DRAFT);
	}

	@Test
	void aFavourableOpinionDropsAmendmentsTypedBeforeChangingTheOpinion() {
		ProcessInstance instance = proposeAdoption();
		complete(instance, PREPARE, "draftActText", DRAFT, "committee", "MOBILITY_ENVIRONMENT", "councilSessionId",
				id(first));

		complete(instance, REVIEW, "committeeOpinion", "FAVOURABLE", "amendments", "Left over");

		assertThat(agendaItem(instance).amendments()).isNull();
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "amendments")).isNull();
	}

	// ---------------------------------------------------------------- the council's
	// vote: adopted

	@Test
	void theVoteTaskShowsTheSessionItsSeatsAndTheComingSessions() throws Exception {
		Instant created = Instant.now();
		ProcessInstance instance = atTheVote(first);

		Task vote = task(instance, VOTE);
		assertThat(candidateGroups(vote)).containsExactly(Groups.COUNCIL_CLERKS);
		assertDeadlines(instance, VOTE, created, Duration.ofDays(60), Duration.ofDays(45), Duration.ofDays(75));
		assertThat(engine.getTaskService().getVariablesLocal(vote.getId()))
			.containsEntry("councilSessionLabel", first.label())
			.containsEntry("seats", 41);
		assertThat(sessionOptions(vote)).containsExactly(option(first), option(second), option(third), option(fourth),
				option(fifth));
	}

	@Test
	void anAdoptedActIsRegisteredWithTheNextNumberOfTheSessionsYear() {
		ProcessInstance instance = atTheVote(first);

		vote(instance, "votesFor", 31, "votesAgainst", 6, "votesAbstain", 2, "councilVote", "ADOPTED");

		assertThat(instance)
			.hasPassedInOrder("StartEvent_AdoptionProposed", PREPARE, REVIEW, VOTE, "Task_RegisterAct",
					"EndEvent_Adopted")
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("councilDecision", "ADOPTED")
			.containsEntry("actDate", first.sessionDate().toString());
		String actNumber = (String) out.get("actNumber");
		assertThat(actNumber).matches(first.sessionDate().getYear() + "/\\d{4}");
		assertThat(out.get("councilReason")).isNull();

		OfficialAct act = register.findById(actNumber).orElseThrow();
		assertThat(act.actYear()).isEqualTo(first.sessionDate().getYear());
		assertThat(ActNumbers.format(act.actYear(), act.actSequence())).isEqualTo(actNumber);
		assertThat(act.ideaReference()).isEqualTo(reference(instance));
		assertThat(act.title()).isEqualTo("Bike lanes " + reference(instance));
		assertThat(act.adoptedOn()).isEqualTo(first.sessionDate());
		assertThat(act.sessionId()).isEqualTo(first.id());
		assertThat(act.directiveReference()).isNull();

		AgendaItem item = agendaItem(instance);
		assertThat(item.decision()).isEqualTo("ADOPTED");
		assertThat(item.votesFor()).isEqualTo(31);
		assertThat(item.votesAgainst()).isEqualTo(6);
		assertThat(item.votesAbstain()).isEqualTo(2);
		assertThat(item.sessionId()).isEqualTo(first.id());
		assertThat(item.deferrals()).isZero();

		// the next act of the same year gets the next number
		ProcessInstance next = atTheVote(first);
		vote(next, "votesFor", 21, "votesAgainst", 20, "votesAbstain", 0, "councilVote", "ADOPTED");
		OfficialAct nextAct = register.findById((String) outputs(next).get("actNumber")).orElseThrow();
		assertThat(nextAct.actSequence()).isEqualTo(act.actSequence() + 1);
	}

	@Test
	void votesAsTasklistSendsThemAreCounted() {
		ProcessInstance instance = atTheVote(first);

		// Tasklist's number fields send Integer, Long or Double; the REST API may send
		// text
		vote(instance, "votesFor", 30L, "votesAgainst", 10.0, "votesAbstain", "1", "councilVote", "ADOPTED");

		assertThat(instance).isEnded();
		AgendaItem item = agendaItem(instance);
		assertThat(item.votesFor()).isEqualTo(30);
		assertThat(item.votesAgainst()).isEqualTo(10);
		assertThat(item.votesAbstain()).isEqualTo(1);
	}

	@Test
	void anAdoptionNeedsMoreVotesForThanAgainstAndCountsWithinTheSeats() {
		ProcessInstance instance = atTheVote(first);

		assertRefused(instance, VOTE, "councilVote", "votesFor", 10, "votesAgainst", 10, "votesAbstain", 0,
				"councilVote", "ADOPTED");
		assertRefused(instance, VOTE, "councilVote", "votesFor", 5, "votesAgainst", 30, "votesAbstain", 0,
				"councilVote", "ADOPTED");
		assertRefused(instance, VOTE, "votesFor", "votesFor", 30, "votesAgainst", 10, "votesAbstain", 2, "councilVote",
				"ADOPTED");
		assertRefused(instance, VOTE, "votesFor", "votesFor", 42, "votesAgainst", 0, "votesAbstain", 0, "councilVote",
				"ADOPTED");
		assertRefused(instance, VOTE, "votesFor", "votesAgainst", 0, "votesAbstain", 0, "councilVote", "ADOPTED");
		assertRefused(instance, VOTE, "votesFor", "votesFor", -1, "votesAgainst", 0, "votesAbstain", 0, "councilVote",
				"ADOPTED");
		assertRefused(instance, VOTE, "votesFor", "votesFor", 20.5, "votesAgainst", 0, "votesAbstain", 0, "councilVote",
				"ADOPTED");
		assertRefused(instance, VOTE, "votesAgainst", "votesFor", 20, "votesAgainst", "many", "votesAbstain", 0,
				"councilVote", "ADOPTED");
		assertRefused(instance, VOTE, "votesAbstain", "votesFor", 20, "votesAgainst", 0, "councilVote", "ADOPTED");
		assertRefused(instance, VOTE, "councilVote", "votesFor", 20, "votesAgainst", 0, "votesAbstain", 0);
		assertRefused(instance, VOTE, "councilVote", "votesFor", 20, "votesAgainst", 0, "votesAbstain", 0,
				"councilVote", "adopted");
		assertThat(acts(instance)).isEmpty();
		assertThat(agendaItem(instance).decision()).isNull();

		// all 41 seats voting is fine
		vote(instance, "votesFor", 30, "votesAgainst", 10, "votesAbstain", 1, "councilVote", "ADOPTED");
		assertThat(instance).hasPassed("EndEvent_Adopted").isEnded();
		assertThat(acts(instance)).hasSize(1);
	}

	// ---------------------------------------------------------------- rejected

	@Test
	void aRejectionSaysWhy() {
		ProcessInstance instance = atTheVote(first);

		assertRefused(instance, VOTE, "councilReason", "votesFor", 5, "votesAgainst", 30, "votesAbstain", 1,
				"councilVote", "REJECTED");
		assertRefused(instance, VOTE, "councilReason", "votesFor", 5, "votesAgainst", 30, "votesAbstain", 1,
				"councilVote", "REJECTED", "councilReason", " ");
		assertRefused(instance, VOTE, "councilReason", "votesFor", 5, "votesAgainst", 30, "votesAbstain", 1,
				"councilVote", "REJECTED", "councilReason", "x".repeat(2001));

		vote(instance, "votesFor", 5, "votesAgainst", 30, "votesAbstain", 1, "councilVote", "REJECTED", "councilReason",
				"Not in this year's budget");

		assertThat(instance).hasPassedInOrder(VOTE, "EndEvent_Rejected").hasNotPassed("Task_RegisterAct").isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("councilDecision", "REJECTED")
			.containsEntry("councilReason", "Not in this year's budget");
		assertThat(out.get("actNumber")).isNull();
		assertThat(out.get("actDate")).isNull();
		assertThat(acts(instance)).isEmpty();
		AgendaItem item = agendaItem(instance);
		assertThat(item.decision()).isEqualTo("REJECTED");
		assertThat(item.votesFor()).isEqualTo(5);
		assertThat(item.votesAgainst()).isEqualTo(30);
		assertThat(item.votesAbstain()).isEqualTo(1);
	}

	// ---------------------------------------------------------------- deferred

	@Test
	void aDeferralNeedsALaterCouncilSession() {
		ProcessInstance instance = atTheVote(first);
		Object[] deferred = { "votesFor", 10, "votesAgainst", 10, "votesAbstain", 5, "councilVote", "DEFERRED" };

		assertRefused(instance, VOTE, "deferredToSessionId", deferred);
		assertRefused(instance, VOTE, "deferredToSessionId", with(deferred, "deferredToSessionId", id(first)));
		assertRefused(instance, VOTE, "deferredToSessionId", with(deferred, "deferredToSessionId", id(past)));
		assertRefused(instance, VOTE, "deferredToSessionId",
				with(deferred, "deferredToSessionId", id(committeeSession)));
		assertRefused(instance, VOTE, "deferredToSessionId", with(deferred, "deferredToSessionId", "424242"));
		assertThat(agendaItem(instance).deferrals()).isZero();
	}

	static Object[] with(Object[] keyValues, Object... more) {
		List<Object> all = new ArrayList<>(List.of(keyValues));
		all.addAll(List.of(more));
		return all.toArray();
	}

	@Test
	void movingASessionMovesTheWaitOfItsItemsAndItCannotBeCancelledWhileTheyWaitForIt() {
		ProcessInstance instance = atTheVote(first);
		defer(instance, second);
		LocalDate later = today.plusWeeks(6);

		assertThat(calendar.move(second.id(), later)).as("items moved with the session").isEqualTo(1);

		Job wait = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(WAIT_FOR_SESSION)
			.singleResult();
		assertThat(wait.getDuedate()).isEqualTo(council.sessionStart(second.id()))
			.isEqualTo(Date.from(later.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
		assertThatThrownBy(() -> calendar.cancel(second.id())).isInstanceOf(CouncilCalendar.Refused.class)
			.hasMessageContaining("1 item(s) still to decide");
		assertThatThrownBy(() -> calendar.move(second.id(), today.minusDays(1)))
			.isInstanceOf(CouncilCalendar.Refused.class)
			.hasMessageStartingWith("Date: ")
			.hasMessageContaining("has passed");
		assertThatThrownBy(() -> calendar.move(second.id(), third.sessionDate()))
			.isInstanceOf(CouncilCalendar.Refused.class)
			.hasMessageContaining("there is a council session on");
		assertThatThrownBy(() -> calendar.plan(CouncilSession.COUNCIL, today.plusYears(4), 41, null))
			.isInstanceOf(CouncilCalendar.Refused.class)
			.hasMessageContaining("years ahead");

		// an empty session can go
		calendar.cancel(fifth.id());
		assertThat(sessions.findById(fifth.id())).isEmpty();
	}

	@Test
	void aPlannedSessionHasItsTasklistFilterWhichFollowsItAndAppearsInTheOpenPrepareTask() {
		ProcessInstance instance = proposeAdoption();
		LocalDate planned = today.plusWeeks(20);
		LocalDate moved = today.plusWeeks(21);

		CouncilSession session = calendar.plan(CouncilSession.COUNCIL, planned, 43, "Extra session");

		assertThat(sessionFilters(planned)).isEqualTo(1);
		Task prepare = task(instance, PREPARE);
		assertThat(engine.getTaskService().getVariableLocal(prepare.getId(), "sessionOptions").toString())
			.as("the open task offers the new session")
			.contains(id(session), "Extra session");

		calendar.move(session.id(), moved);
		assertThat(sessionFilters(planned)).isZero();
		assertThat(sessionFilters(moved)).isEqualTo(1);

		calendar.cancel(session.id());
		assertThat(sessionFilters(moved)).isZero();
		assertThat(engine.getTaskService().getVariableLocal(prepare.getId(), "sessionOptions").toString())
			.doesNotContain("Extra session");
	}

	private long sessionFilters(LocalDate day) {
		return engine.getFilterService().createFilterQuery().filterName("Council session " + day).count();
	}

	@Test
	void aDeferredItemWaitsForTheLaterSessionThenIsVotedOnAgain() {
		ProcessInstance instance = atTheVote(first);

		defer(instance, second);

		assertThat(instance).hasPassed("Gateway_DeferralLimit").isWaitingAt(WAIT_FOR_SESSION);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		AgendaItem item = agendaItem(instance);
		assertThat(item.decision()).isEqualTo("DEFERRED");
		assertThat(item.sessionId()).isEqualTo(second.id());
		assertThat(item.deferrals()).isEqualTo(1);
		assertThat(item.votesFor()).isEqualTo(10);
		assertThat(agenda.findBySessionIdOrderById(second.id())).contains(item);
		assertThat(agenda.findBySessionIdOrderById(first.id())).doesNotContain(item);
		assertThat(engine.getRuntimeService().getVariables(instance.getId()))
			.containsEntry("councilSessionId", id(second))
			.containsEntry("deferrals", 1);

		Instant created = Instant.now();
		sessionHeld(instance, second);

		Task vote = task(instance, VOTE);
		assertDeadlines(instance, VOTE, created, Duration.ofDays(60), Duration.ofDays(45), Duration.ofDays(75));
		assertThat(engine.getTaskService().getVariables(vote.getId()))
			.containsEntry("councilSessionLabel", second.label())
			.containsEntry("seats", 41)
			.containsEntry("deferrals", 1);

		vote(instance, "votesFor", 25, "votesAgainst", 10, "votesAbstain", 0, "councilVote", "ADOPTED");

		assertThat(instance).hasPassed("Event_SessionDate", "Task_RegisterAct", "EndEvent_Adopted").isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("councilDecision", "ADOPTED")
			.containsEntry("actDate", second.sessionDate().toString());
		assertThat((String) out.get("actNumber")).startsWith(second.sessionDate().getYear() + "/");
		OfficialAct act = acts(instance).get(0);
		assertThat(act.adoptedOn()).isEqualTo(second.sessionDate());
		assertThat(act.sessionId()).isEqualTo(second.id());
		AgendaItem adopted = agendaItem(instance);
		assertThat(adopted.decision()).isEqualTo("ADOPTED");
		assertThat(adopted.deferrals()).isEqualTo(1);
		assertThat(adopted.sessionId()).isEqualTo(second.id());
	}

	@Test
	void aDeferralAfterADeferralMustGoLaterStill() {
		ProcessInstance instance = atTheVote(first);
		defer(instance, third);
		sessionHeld(instance, third);

		Object[] deferred = { "votesFor", 10, "votesAgainst", 10, "votesAbstain", 5, "councilVote", "DEFERRED" };
		assertRefused(instance, VOTE, "deferredToSessionId", with(deferred, "deferredToSessionId", id(second)));
		assertRefused(instance, VOTE, "deferredToSessionId", with(deferred, "deferredToSessionId", id(third)));

		defer(instance, fourth);
		assertThat(agendaItem(instance).deferrals()).isEqualTo(2);
		assertThat(agendaItem(instance).sessionId()).isEqualTo(fourth.id());
	}

	@Test
	void afterThreeDeferralsTheInnovationOfficeKeepsTheItemOnTheAgenda() {
		ProcessInstance instance = atTheVote(first);
		defer(instance, second);
		sessionHeld(instance, second);
		defer(instance, third);
		sessionHeld(instance, third);
		Instant created = Instant.now();

		defer(instance, fourth);

		assertThat(instance).isWaitingAt(DECIDE_DEFERRED);
		Task decide = task(instance, DECIDE_DEFERRED);
		assertThat(candidateGroups(decide)).containsExactly(Groups.INNOVATION_OFFICE);
		assertDeadlines(instance, DECIDE_DEFERRED, created, Duration.ofDays(7), Duration.ofDays(5),
				Duration.ofDays(10));
		AgendaItem item = agendaItem(instance);
		assertThat(item.deferrals()).isEqualTo(3);
		assertThat(item.sessionId()).isEqualTo(fourth.id());
		assertThat(item.decision()).isEqualTo("DEFERRED");
		assertThat(engine.getTaskService().getVariables(decide.getId())).containsEntry("deferrals", 3);

		assertRefused(instance, DECIDE_DEFERRED, "deferredItemDecision");
		assertRefused(instance, DECIDE_DEFERRED, "deferredItemDecision", "deferredItemDecision", "KEEP");

		complete(instance, DECIDE_DEFERRED, "deferredItemDecision", "CONTINUE");

		assertThat(instance).hasPassed("Gateway_ContinueItem");
		sessionHeld(instance, fourth);
		assertThat(engine.getTaskService().getVariables(task(instance, VOTE).getId())).containsEntry("deferrals", 3)
			.containsEntry("councilSessionLabel", fourth.label());

		// a fourth deferral goes straight back to the innovation office
		defer(instance, fifth);
		assertThat(instance).isWaitingAt(DECIDE_DEFERRED);
		assertThat(agendaItem(instance).deferrals()).isEqualTo(4);
		complete(instance, DECIDE_DEFERRED, "deferredItemDecision", "CONTINUE");
		sessionHeld(instance, fifth);

		vote(instance, "votesFor", 5, "votesAgainst", 30, "votesAbstain", 1, "councilVote", "REJECTED", "councilReason",
				"Superseded by the mobility plan");
		assertThat(instance).hasPassed("EndEvent_Rejected").isEnded();
		assertThat(outputs(instance)).containsEntry("councilDecision", "REJECTED");
		assertThat(agendaItem(instance).decision()).isEqualTo("REJECTED");
		assertThat(agendaItem(instance).sessionId()).isEqualTo(fifth.id());
	}

	@Test
	void theDeferredItemTaskShowsTheNextSession() {
		ProcessInstance instance = atTheVote(first);
		defer(instance, second);
		sessionHeld(instance, second);
		defer(instance, third);
		sessionHeld(instance, third);
		defer(instance, fourth);

		// decide-deferred-item.form shows councilSessionLabel ("Next session")
		assertThat(engine.getTaskService().getVariables(task(instance, DECIDE_DEFERRED).getId()))
			.containsEntry("councilSessionLabel", fourth.label());
	}

	@Test
	void theInnovationOfficeWithdrawsAnItemDeferredTooOften() {
		ProcessInstance instance = atTheVote(first);
		defer(instance, second);
		sessionHeld(instance, second);
		defer(instance, third);
		sessionHeld(instance, third);
		defer(instance, fourth);

		assertRefused(instance, DECIDE_DEFERRED, "councilReason", "deferredItemDecision", "WITHDRAW");
		assertRefused(instance, DECIDE_DEFERRED, "councilReason", "deferredItemDecision", "WITHDRAW", "councilReason",
				"");
		assertRefused(instance, DECIDE_DEFERRED, "councilReason", "deferredItemDecision", "WITHDRAW", "councilReason",
				"x".repeat(2001));

		complete(instance, DECIDE_DEFERRED, "deferredItemDecision", "WITHDRAW", "councilReason",
				"The council has deferred it three times");

		assertThat(instance).hasPassedInOrder(DECIDE_DEFERRED, "Gateway_ContinueItem", "EndEvent_ItemWithdrawn")
			.isEnded();
		Map<String, Object> out = outputs(instance);
		assertThat(out).containsEntry("councilDecision", "WITHDRAWN")
			.containsEntry("councilReason", "The council has deferred it three times");
		assertThat(out.get("actNumber")).isNull();
		assertThat(acts(instance)).isEmpty();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
		// the item is off the agenda: the clerks' agenda of the next session must not
		// show it as still deferred
		AgendaItem item = agendaItem(instance);
		assertThat(item.deferrals()).isEqualTo(3);
		assertThat(item.decision()).isEqualTo("WITHDRAWN");
	}

	// ---------------------------------------------------------------- deadlines

	@Test
	void anOverdueVoteIsRemindedThenEscalated() {
		ProcessInstance instance = atTheVote(first);
		List<Job> timers = support.timers(instance);
		assertThat(timers).hasSize(3);

		support.runTimer(timers.get(0));
		assertThat(task(instance, VOTE).getPriority()).isEqualTo(60);
		support.runTimer(timers.get(1));
		assertThat(task(instance, VOTE).getPriority()).isEqualTo(80);

		support.runTimer(timers.get(2));
		Task task = task(instance, VOTE);
		assertThat(task.getPriority()).isEqualTo(100);
		// escalated to the clerks' leads, never to the clerks themselves
		assertThat(candidateGroups(task)).containsExactlyInAnyOrder(Groups.COUNCIL_CLERKS, "council-clerks-leads");

		vote(instance, "votesFor", 5, "votesAgainst", 30, "votesAbstain", 1, "councilVote", "REJECTED", "councilReason",
				"Not in this year's budget");
		assertThat(instance).isEnded();
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void onlyCouncilClerksRecordTheVote() {
		ProcessInstance instance = atTheVote(first);
		Task vote = task(instance, VOTE);

		assertThatThrownBy(() -> submit(vote.getId(), INNOVATION_OFFICER, "votesFor", 30, "votesAgainst", 10,
				"votesAbstain", 1, "councilVote", "ADOPTED"))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		assertThat(instance).isWaitingAt(VOTE);
	}

}
