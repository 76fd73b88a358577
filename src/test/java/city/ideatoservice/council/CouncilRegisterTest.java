package city.ideatoservice.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.form.TypedDates;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of official acts: act numbers under concurrent registration, the public
 * register (JSON and web page, no login), and the council clerks' calendar API (HTTP
 * Basic with a Camunda account). Full application; each test starts with an empty
 * calendar and register.
 */
@IdeaToServiceTest
class CouncilRegisterTest {

	// days relative to today: the calendar refuses past days (distinct days: the test
	// context is shared)
	static final LocalDate REFUSED_DAY = LocalDate.now().plusDays(41);

	static final LocalDate PLANNED_DAY = LocalDate.now().plusDays(43);

	static final LocalDate TWICE_DAY = LocalDate.now().plusDays(47);

	static final LocalDate COMMITTEE_DAY = LocalDate.now().plusDays(53);

	static final LocalDate INVALID_DAY = LocalDate.now().plusDays(59);

	static final LocalDate LISTED_DAY = LocalDate.now().plusDays(61);

	static final LocalDate OTHER_LISTED_DAY = LocalDate.now().plusDays(67);

	static final LocalDate EFFECTIVE_DAY = LocalDate.now().plusDays(71);

	static final String CLERK = "clerk-register";

	static final String OFFICER = "officer-register";

	static final String SESSIONS = "/api/staff/council/sessions";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ActNumbers numbers;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OfficialActRepository register;

	@Autowired
	CouncilSessionRepository sessions;

	@Autowired
	AgendaItemRepository agenda;

	@Autowired
	DirectiveRecorder directiveRecorder;

	@BeforeEach
	void setUp() {
		register.deleteAll();
		agenda.deleteAll();
		sessions.deleteAll();
		ensureUser(CLERK, Groups.COUNCIL_CLERKS);
		ensureUser(OFFICER, Groups.INNOVATION_OFFICE);
	}

	void ensureUser(String id, String... groups) {
		IdentityService identity = engine.getIdentityService();
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword(password(id));
			identity.saveUser(user);
		}
		for (String group : groups) {
			if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
				identity.createMembership(id, group);
			}
		}
	}

	static String password(String user) {
		return "password-" + user;
	}

	static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		String credentials = user + ":" + password(user);
		return request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	CouncilSession session(String body, LocalDate date) {
		return sessions.findAll()
			.stream()
			.filter(s -> s.body().equals(body) && s.sessionDate().equals(date))
			.findFirst()
			.orElseGet(() -> sessions.save(new CouncilSession(null, body, date, 41, null)));
	}

	static String newReference() {
		return ProcessTestSupport.newReference();
	}

	OfficialAct act(int year, int sequence, String title, CouncilSession session) {
		return register.save(new OfficialAct(ActNumbers.format(year, sequence), year, sequence, newReference(), title,
				session.sessionDate(), session.id(), null, null, null, null, true));
	}

	// ---------------------------------------------------------------- act numbers

	/** From 8 threads, each allocation in its own transaction, 50 numbers of one year. */
	List<Integer> allocateConcurrently(int year, int count) throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		AtomicInteger left = new AtomicInteger(count);
		ConcurrentLinkedQueue<Integer> allocated = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> results = new ArrayList<>();
		try {
			for (int t = 0; t < 8; t++) {
				Callable<Void> worker = () -> {
					go.await();
					while (left.getAndDecrement() > 0) {
						allocated.add(transaction.execute(status -> numbers.next(year)));
					}
					return null;
				};
				results.add(threads.submit(worker));
			}
			go.countDown();
			for (Future<?> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		return allocated.stream().sorted().toList();
	}

	@Test
	void actNumbersAreUniqueAndConsecutiveUnderConcurrentRegistration() throws Exception {
		// next year's counter exists from the start; a session planned for next year may
		// have used some numbers
		int year = Year.now().getValue() + 1;
		int before = lastNumber(year);

		List<Integer> allocated = allocateConcurrently(year, 50);

		assertThat(allocated).hasSize(50).doesNotHaveDuplicates();
		assertThat(allocated)
			.containsExactlyElementsOf(IntStream.rangeClosed(before + 1, before + 50).boxed().toList());
		assertThat(lastNumber(year)).isEqualTo(before + 50);
		assertThat(ActNumbers.format(year, 7)).isEqualTo(year + "/0007");
	}

	int lastNumber(int year) {
		return jdbc.sql("select last_number from act_counter where act_year = :year")
			.param("year", year)
			.query(Integer.class)
			.single();
	}

	@Test
	void theFirstActsOfAYearWithoutACounterAreNumberedConcurrentlyToo() throws Exception {
		// e.g. a session planned two years ahead, or an application running into a year
		// it did not start in; the
		// race for the counter row is short, so try it in ten years nobody registered
		// acts in yet
		for (int year = Year.now().getValue() + 5; year < Year.now().getValue() + 15; year++) {
			List<Integer> allocated = allocateConcurrently(year, 50);

			assertThat(allocated).as("numbers of %d", year)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
		}
	}

	// ---------------------------------------------------------------- the public
	// register

	@Test
	void theRegisterListsTheAdoptedActsNewestFirstWithoutLogin() throws Exception {
		CouncilSession session = session(CouncilSession.COUNCIL, LocalDate.now().plusDays(3));
		act(2025, 7, "Library Wi-Fi", session);
		act(2026, 2, "Bike lanes", session);
		act(2026, 10, "Night buses", session);
		act(2026, 1, "Park benches", session);

		MvcResult result = mvc.perform(get("/api/register"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn();

		JsonNode acts = json.readTree(result.getResponse().getContentAsString());
		assertThat(acts.findValuesAsText("actNumber")).containsExactly("2026/0010", "2026/0002", "2026/0001",
				"2025/0007");
		JsonNode newest = acts.get(0);
		assertThat(newest.path("title").asText()).isEqualTo("Night buses");
		assertThat(newest.path("actYear").asInt()).isEqualTo(2026);
		assertThat(newest.path("actSequence").asInt()).isEqualTo(10);
		assertThat(newest.path("adoptedOn").asText()).isEqualTo(session.sessionDate().toString());
		assertThat(newest.path("ideaReference").asText()).startsWith("IDEA-");
		assertThat(newest.has("directiveReference")).as("no directive yet").isFalse();
		assertThat(newest.has("new")).isFalse();
		assertThat(newest.has("isNew")).isFalse();
		assertThat(newest.has("id")).isFalse();
	}

	@Test
	void theRegisterShowsTheDirectiveOnceIssued() throws Exception {
		CouncilSession session = session(CouncilSession.COUNCIL, LocalDate.now().plusDays(3));
		OfficialAct bikes = act(2026, 3, "Bike lanes", session);
		act(2026, 4, "Night buses", session);

		// what DirectiveRecorder does when "Issue implementation directives" is completed
		Map<String, Object> variables = new HashMap<>(
				Map.of("ideaReference", bikes.ideaReference(), "directiveReference", "DIR-2026-031",
						"responsibleDepartments", List.of("dept-mobility", "dept-urban-planning", "dept-mobility"),
						"directiveEffectiveDate", EFFECTIVE_DAY.toString(), "amendedProcedure", "Road maintenance"));
		DelegateTask task = Mockito.mock(DelegateTask.class);
		Mockito.when(task.getVariable(Mockito.anyString())).thenAnswer(call -> variables.get(call.getArgument(0)));
		Mockito.doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
			.when(task)
			.setVariable(Mockito.anyString(), Mockito.any());
		directiveRecorder.notify(task);

		OfficialAct issued = register.findById(bikes.actNumber()).orElseThrow();
		assertThat(issued.directiveReference()).isEqualTo("DIR-2026-031");
		assertThat(issued.directiveDepartments()).isEqualTo("dept-mobility,dept-urban-planning");
		assertThat(issued.directiveEffectiveDate()).isEqualTo(EFFECTIVE_DAY);
		assertThat(issued.amendedProcedure()).isEqualTo("Road maintenance");
		assertThat(register.count()).isEqualTo(2);

		JsonNode acts = json.readTree(mvc.perform(get("/api/register"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(acts.findValuesAsText("actNumber")).containsExactly("2026/0004", "2026/0003");
		assertThat(acts.get(0).has("directiveReference")).isFalse();
		JsonNode withDirective = acts.get(1);
		assertThat(withDirective.path("directiveReference").asText()).isEqualTo("DIR-2026-031");
		assertThat(withDirective.path("directiveDepartments").asText()).isEqualTo("dept-mobility,dept-urban-planning");
		assertThat(withDirective.path("directiveEffectiveDate").asText()).isEqualTo(EFFECTIVE_DAY.toString());
		assertThat(withDirective.path("amendedProcedure").asText()).isEqualTo("Road maintenance");

		// saved directly as the repository would: withDirective updates the row, it does
		// not insert another
		OfficialAct buses = register.findById("2026/0004").orElseThrow();
		register
			.save(buses.withDirective("DIR-2026-032", "dept-mobility", LocalDate.of(2027, 1, 1), "Night transport"));
		assertThat(register.count()).isEqualTo(2);
		String page = mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("DIR-2026-031 (Road maintenance)", "DIR-2026-032 (Night transport)",
				EFFECTIVE_DAY.toString());
	}

	@Test
	void aMayorsDecreeIsAnActOfTheSameRegisterMarkedAsADecree() throws Exception {
		CouncilSession session = session(CouncilSession.COUNCIL, LocalDate.now().plusDays(3));
		act(2026, 7, "Bike lanes", session);
		register.save(new OfficialAct(ActNumbers.format(2026, 8), 2026, 8, newReference(), "Drinking fountains",
				LocalDate.of(2026, 11, 30), null, null, null, null, null, OfficialAct.MAYORAL_DECREE,
				"The city sets up drinking fountains in the parks.", true));

		JsonNode acts = json.readTree(mvc.perform(get("/api/register"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(acts.findValuesAsText("actNumber")).containsExactly("2026/0008", "2026/0007");
		assertThat(acts.get(0).path("actKind").asText()).isEqualTo("MAYORAL_DECREE");
		assertThat(acts.get(0).path("decree").asBoolean()).isTrue();
		assertThat(acts.get(1).path("actKind").asText()).isEqualTo("COUNCIL_ACT");
		String page = mvc.perform(get("/register")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Mayor’s decree", "City council");
	}

	@Test
	void theRegisterPageShowsTheActsWithTheirTitlesEscaped() throws Exception {
		CouncilSession session = session(CouncilSession.COUNCIL, LocalDate.now().plusDays(3));
		act(2026, 5, "<b>Wi-Fi</b> & more", session);
		act(2026, 6, "Night buses", session);

		String page = mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("2026/0005", "2026/0006", "Night buses", "&lt;b&gt;Wi-Fi&lt;/b&gt; &amp; more",
				"pending");
		assertThat(page).doesNotContain("<b>Wi-Fi</b>");
		assertThat(page.indexOf("2026/0006")).as("newest first").isLessThan(page.indexOf("2026/0005"));
	}

	@Test
	void anEmptyRegisterSaysSo() throws Exception {
		String page = mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("No act has been adopted yet.");
		mvc.perform(get("/api/register")).andExpect(status().isOk()).andExpect(content().json("[]"));
	}

	@Test
	void anActAdoptedByTheCouncilEntersTheRegister_aRejectedOneDoesNot() throws Exception {
		CouncilSession today = session(CouncilSession.COUNCIL, LocalDate.now());
		ProcessInstance adopted = adopt(today, "ADOPTED");
		ProcessInstance rejected = adopt(today, "REJECTED");

		String actNumber = (String) engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(adopted.getId())
			.variableName("actNumber")
			.singleResult()
			.getValue();
		JsonNode acts = json.readTree(mvc.perform(get("/api/register"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(acts.findValuesAsText("actNumber")).containsExactly(actNumber);
		assertThat(acts.get(0).path("ideaReference").asText()).isEqualTo(adopted.getBusinessKey());
		assertThat(acts.get(0).path("adoptedOn").asText()).isEqualTo(today.sessionDate().toString());
		assertThat(acts.findValuesAsText("ideaReference")).doesNotContain(rejected.getBusinessKey());
	}

	ProcessInstance adopt(CouncilSession session, String outcome) {
		String reference = newReference();
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.COUNCIL_ADOPTION, reference, Map.of("ideaReference", reference,
					"ideaTitle", "Idea " + reference, "sponsorDepartment", "dept-mobility"));
		complete(instance, "Task_PrepareAgendaItem", Map.of("draftActText", "The act", "committee", "FINANCE",
				"councilSessionId", String.valueOf(session.id())));
		complete(instance, "Task_RecordCommitteeReview", Map.of("committeeOpinion", "FAVOURABLE"));
		complete(instance, "Task_RecordCouncilVote",
				"ADOPTED".equals(outcome)
						? Map.of("votesFor", 30, "votesAgainst", 5, "votesAbstain", 0, "councilVote", "ADOPTED")
						: Map.of("votesFor", 5, "votesAgainst", 30, "votesAbstain", 0, "councilVote", "REJECTED",
								"councilReason", "No"));
		return instance;
	}

	void complete(ProcessInstance instance, String taskDefinitionKey, Map<String, Object> form) {
		Task task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		engine.getIdentityService().setAuthentication(CLERK, List.of(Groups.COUNCIL_CLERKS));
		try {
			engine.getFormService().submitTaskForm(task.getId(), form);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	// ---------------------------------------------------------------- the clerks'
	// calendar

	@Test
	void theCalendarIsForCouncilClerksOnly() throws Exception {
		mvc.perform(get(SESSIONS)).andExpect(status().isUnauthorized());
		mvc.perform(post(SESSIONS).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"COUNCIL\",\"date\":\"" + REFUSED_DAY + "\",\"seats\":41}"))
			.andExpect(status().isUnauthorized());
		// another clerk: a wrong password locks the account for a few seconds (Camunda's
		// login delay)
		ensureUser("clerk-mistyped", Groups.COUNCIL_CLERKS);
		mvc.perform(get(SESSIONS).header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("clerk-mistyped:wrong".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnauthorized());

		mvc.perform(as(OFFICER, get(SESSIONS))).andExpect(status().isForbidden());
		mvc.perform(as(OFFICER, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"COUNCIL\",\"date\":\"" + REFUSED_DAY + "\",\"seats\":41}"))
			.andExpect(status().isForbidden());
		assertThat(sessions.findAll()).noneMatch(s -> s.sessionDate().equals(REFUSED_DAY));

		mvc.perform(as(CLERK, get(SESSIONS))).andExpect(status().isOk());
	}

	@Test
	void aClerkMovesAndCancelsASessionThroughTheApiByTheCalendarsRules() throws Exception {
		LocalDate day = LocalDate.now().plusMonths(33).withDayOfMonth(20);
		sessions.findAll().stream().filter(s -> s.sessionDate().equals(day)).forEach(sessions::delete);
		MvcResult created = mvc
			.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"COMMITTEE\",\"date\":\"" + day + "\",\"seats\":11}"))
			.andExpect(status().isCreated())
			.andReturn();
		long id = json.readTree(created.getResponse().getContentAsString()).path("id").asLong();

		mvc.perform(as(CLERK, put(SESSIONS + "/" + id + "/date")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"date\":\"" + day.plusDays(1) + "\"}")).andExpect(status().isOk());
		assertThat(sessions.findById(id)).get().extracting(CouncilSession::sessionDate).isEqualTo(day.plusDays(1));
		MvcResult past = mvc
			.perform(as(CLERK, put(SESSIONS + "/" + id + "/date")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\":\"" + LocalDate.now().minusDays(3) + "\"}"))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(past.getResponse().getContentAsString()).contains("has passed");
		mvc.perform(as(OFFICER, delete(SESSIONS + "/" + id))).andExpect(status().isForbidden());

		mvc.perform(as(CLERK, delete(SESSIONS + "/" + id))).andExpect(status().isNoContent());
		assertThat(sessions.findById(id)).isEmpty();
		mvc.perform(as(CLERK, delete(SESSIONS + "/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void aClerkPlansACouncilSessionWithItsTasklistFilter() throws Exception {
		String body = "{\"body\":\"COUNCIL\",\"date\":\"" + PLANNED_DAY
				+ "\",\"seats\":41,\"title\":\"City council (budget)\"}";

		MvcResult created = mvc.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn();

		JsonNode session = json.readTree(created.getResponse().getContentAsString());
		long id = session.path("id").asLong();
		assertThat(id).isPositive();
		assertThat(session.path("body").asText()).isEqualTo("COUNCIL");
		assertThat(session.path("sessionDate").asText()).isEqualTo(PLANNED_DAY.toString());
		assertThat(session.path("seats").asInt()).isEqualTo(41);
		assertThat(sessions.findById(id)).get()
			.isEqualTo(new CouncilSession(id, "COUNCIL", PLANNED_DAY, 41, "City council (budget)"));

		// the Tasklist filter, readable by the council clerks
		List<Filter> filters = engine.getFilterService()
			.createFilterQuery()
			.filterName("Council session " + PLANNED_DAY)
			.list();
		assertThat(filters).hasSize(1);
		assertThat(engine.getAuthorizationService()
			.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filters.get(0).getId())
			.groupIdIn(Groups.COUNCIL_CLERKS)
			.hasPermission(Permissions.READ)
			.count()).isEqualTo(1);
		assertThat(filterCountAs(CLERK, Groups.COUNCIL_CLERKS)).as("visible to a clerk").isEqualTo(1);
		assertThat(filterCountAs(OFFICER, Groups.INNOVATION_OFFICE)).as("not to others").isZero();

		// an agenda item scheduled into that session shows in the filter
		CouncilSession planned = sessions.findById(id).orElseThrow();
		String reference = newReference();
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.COUNCIL_ADOPTION, reference, Map.of("ideaReference", reference,
					"ideaTitle", "Idea " + reference, "sponsorDepartment", "dept-mobility"));
		complete(instance, "Task_PrepareAgendaItem", Map.of("draftActText", "The act", "committee", "FINANCE",
				"councilSessionId", String.valueOf(planned.id())));
		List<Task> inFilter = engine.getFilterService().list(filters.get(0).getId());
		assertThat(inFilter).extracting(Task::getProcessInstanceId).containsExactly(instance.getId());
	}

	@Test
	void theSameSessionTwiceIsAConflict() throws Exception {
		String body = "{\"body\":\"COUNCIL\",\"date\":\"" + TWICE_DAY + "\",\"seats\":41,\"title\":\"City council\"}";
		mvc.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated());

		mvc.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict());

		assertThat(sessions.findAll()).filteredOn(s -> s.sessionDate().equals(TWICE_DAY)).hasSize(1);
		assertThat(engine.getFilterService().createFilterQuery().filterName("Council session " + TWICE_DAY).count())
			.isEqualTo(1);
		// a committee may meet on the council's day
		mvc.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"COMMITTEE\",\"date\":\"" + TWICE_DAY + "\",\"seats\":11}"))
			.andExpect(status().isCreated());
	}

	long filterCountAs(String user, String group) {
		engine.getIdentityService().setAuthentication(user, List.of(group));
		try {
			return engine.getFilterService().createFilterQuery().filterName("Council session " + PLANNED_DAY).count();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void aCommitteeSessionHasNoFilter() throws Exception {
		mvc.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"COMMITTEE\",\"date\":\"" + COMMITTEE_DAY + "\",\"seats\":11}"))
			.andExpect(status().isCreated());

		assertThat(engine.getFilterService().createFilterQuery().filterName("Council session " + COMMITTEE_DAY).count())
			.isZero();
	}

	@Test
	void aSessionThatIsNotValidIsRefused() throws Exception {
		for (String body : List.of("{\"body\":\"PARLIAMENT\",\"date\":\"" + INVALID_DAY + "\",\"seats\":41}",
				"{\"body\":\"COUNCIL\",\"date\":\"" + INVALID_DAY + "\",\"seats\":0}",
				"{\"body\":\"COUNCIL\",\"date\":\"" + INVALID_DAY + "\",\"seats\":501}",
				"{\"body\":\"COUNCIL\",\"seats\":41}", "{\"date\":\"" + INVALID_DAY + "\",\"seats\":41}",
				"{\"body\":\"COUNCIL\",\"date\":\"" + INVALID_DAY.format(TypedDates.DAY) + "\",\"seats\":41}",
				"{\"body\":\"COUNCIL\",\"date\":\"" + INVALID_DAY + "\",\"seats\":41,\"title\":\"" + "x".repeat(201)
						+ "\"}")) {
			mvc.perform(as(CLERK, post(SESSIONS)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest());
		}
		assertThat(sessions.findAll()).noneMatch(s -> s.sessionDate().equals(INVALID_DAY));
	}

	@Test
	void theCalendarListsTheSessionsAndASessionsAgenda() throws Exception {
		CouncilSession session = session(CouncilSession.COUNCIL, LISTED_DAY);
		CouncilSession other = session(CouncilSession.COUNCIL, OTHER_LISTED_DAY);
		AgendaItem first = agenda.save(new AgendaItem(null, newReference(), "Bike lanes", "MOBILITY_ENVIRONMENT",
				session.id(), "Draft one", "FAVOURABLE", null, null, null, null, null, 0, java.time.Instant.now()));
		AgendaItem second = agenda.save(new AgendaItem(null, newReference(), "Night buses", "FINANCE", session.id(),
				"Draft two", "AMENDMENTS", "Weekends only", "DEFERRED", 10, 10, 5, 1, java.time.Instant.now()));
		agenda.save(new AgendaItem(null, newReference(), "Elsewhere", "FINANCE", other.id(), "Draft three", null, null,
				null, null, null, null, 0, java.time.Instant.now()));

		JsonNode calendar = json.readTree(mvc.perform(as(CLERK, get(SESSIONS)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<String> dates = calendar.findValuesAsText("sessionDate");
		assertThat(dates).contains(LISTED_DAY.toString(), OTHER_LISTED_DAY.toString());
		assertThat(dates).isSortedAccordingTo(String::compareTo);

		JsonNode items = json.readTree(mvc.perform(as(CLERK, get(SESSIONS + "/" + session.id() + "/agenda")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(items).hasSize(2);
		assertThat(items.get(0).path("agendaItemId").asLong()).isEqualTo(first.id());
		assertThat(items.get(0).path("ideaReference").asText()).isEqualTo(first.ideaReference());
		assertThat(items.get(0).path("title").asText()).isEqualTo("Bike lanes");
		assertThat(items.get(0).path("committee").asText()).isEqualTo("MOBILITY_ENVIRONMENT");
		assertThat(items.get(0).path("committeeOpinion").asText()).isEqualTo("FAVOURABLE");
		assertThat(items.get(0).has("decision")).isFalse();
		assertThat(items.get(1).path("agendaItemId").asLong()).isEqualTo(second.id());
		assertThat(items.get(1).path("decision").asText()).isEqualTo("DEFERRED");
		assertThat(items.get(1).path("deferrals").asInt()).isEqualTo(1);

		mvc.perform(as(CLERK, get(SESSIONS + "/999999/agenda"))).andExpect(status().isNotFound());
		mvc.perform(get(SESSIONS + "/" + session.id() + "/agenda")).andExpect(status().isUnauthorized());
		mvc.perform(as(OFFICER, get(SESSIONS + "/" + session.id() + "/agenda"))).andExpect(status().isForbidden());
	}

}
