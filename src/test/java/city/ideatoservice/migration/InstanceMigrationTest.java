package city.ideatoservice.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.identity.StaffSessions;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestClient;

/**
 * Running instances of an older version move to the newest one on the migration page
 * (issue 19): a changed copy of a small model (src/test/resources/migration, with the
 * features of the city's models: a user task, a timer, a called stage, a parallel
 * approval, a message) is deployed as version 2, with an instruction file beside it;
 * instances waiting at each of them move and then finish on version 2, and an instance at
 * a task that version 2 removed is listed with the reason and stays where it was.
 */
@IdeaToServiceTest
class InstanceMigrationTest {

	static final String KEY = "migration-trial";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@LocalServerPort
	int port;

	RuntimeService runtime;

	TaskService tasks;

	ManagementService management;

	@BeforeEach
	void users() {
		runtime = engine.getRuntimeService();
		tasks = engine.getTaskService();
		management = engine.getManagementService();
		support.ensureUser("designer-migration", Groups.PROCESS_DESIGNERS);
		support.ensureUser("operator-migration", Groups.OPERATORS);
		support.ensureUser("office-migration", Groups.INNOVATION_OFFICE);
	}

	@Test
	void instancesAtATaskATimerACallAnApprovalAndAMessageMoveAndFinishOnTheNewVersion() throws Exception {
		ProcessDefinition v1 = deploy("migration/migration-trial-v1.bpmn", "migration/migration-trial-stage.bpmn");
		Map<String, ProcessInstance> started = new LinkedHashMap<>();
		for (String route : List.of("task", "timer", "call", "approval", "message", "obsolete")) {
			started.put(route, runtime.startProcessInstanceById(v1.getId(), "TRIAL-" + route + "-" + System.nanoTime(),
					Map.of("route", route, "approvers", new ArrayList<>(List.of("anna", "ben")))));
		}
		ProcessDefinition v2 = deploy("migration/migration-trial-v2.bpmn");
		assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

		// the generic migration of the engine's REST API, as a civil servant: refused
		String plan = """
				{"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
				 "instructions": [{"sourceActivityIds": ["Task_Review"], "targetActivityIds": ["Task_Screen"]}]},
				 "processInstanceIds": ["%s"]}""".formatted(v1.getId(), v2.getId(), started.get("task").getId());
		assertThat(engineRest("office-migration", "/migration/execute", plan)).isEqualTo(403);
		assertThat(engineRest("office-migration", "/migration/executeAsync", plan)).isEqualTo(403);
		assertThat(definitionOf(started.get("task"))).isEqualTo(v1.getId());

		// the designer reviews the plan
		MockHttpSession designer = StaffSessions.loggedIn(engine, "designer-migration");
		MockHttpServletResponse page = mvc.perform(get("/staff/migrations/" + KEY).session(designer))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("From <span>version " + v1.getVersion() + " (tag 1)</span>",
				"<strong>6</strong> running", "<strong>5</strong> can move", "<strong>1</strong> cannot",
				"processes/migrations/migration-trial-v1-v2.json",
				"&quot;Review idea&quot; (Task_Review) → &quot;Screen idea&quot; (Task_Screen)",
				"&quot;Obsolete check&quot; (Task_Obsolete)", "the newest version has no activity to move it to",
				started.get("obsolete").getBusinessKey(), "Move 5 instance(s) to version " + v2.getVersion(),
				"does not move the instances it called");

		// an operator sees the same plan; a civil servant does not
		assertThat(mvc
			.perform(get("/staff/migrations/" + KEY).session(StaffSessions.loggedIn(engine, "operator-migration")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);

		// confirmed: the movable instances go into one batch
		MockHttpServletResponse confirmed = mvc
			.perform(post("/staff/migrations/" + KEY + "/run").session(designer)
				.param("_csrf", token(designer))
				.param("newest", v2.getId()))
			.andReturn()
			.getResponse();
		assertThat(confirmed.getStatus()).isEqualTo(302);
		runMigrationBatches();

		for (String route : List.of("task", "timer", "call", "approval", "message")) {
			assertThat(definitionOf(started.get(route))).as(route).isEqualTo(v2.getId());
		}
		ProcessInstance obsolete = started.get("obsolete");
		assertThat(definitionOf(obsolete)).as("an instance that cannot move stays").isEqualTo(v1.getId());
		assertThat(runtime.getActiveActivityIds(obsolete.getId())).containsExactly("Task_Obsolete");

		String after = mvc.perform(get("/staff/migrations/" + KEY).session(designer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("5 on version " + v2.getVersion(), "finished", "<strong>1</strong> cannot");

		// and each finishes on version 2: its own step first, then "Confirm outcome",
		// which only version 2 has
		ProcessInstance task = started.get("task");
		complete(task, "Task_Screen");

		ProcessInstance timer = started.get("timer");
		Job wait = management.createJobQuery().processInstanceId(timer.getId()).timers().singleResult();
		assertThat(Duration.between(Instant.now(), wait.getDuedate().toInstant()))
			.as("the timer of version 2 (two weeks)")
			.isGreaterThan(Duration.ofDays(13));
		management.executeJob(wait.getId());

		ProcessInstance call = started.get("call");
		ProcessInstance stage = runtime.createProcessInstanceQuery()
			.superProcessInstanceId(call.getId())
			.singleResult();
		assertThat(stage.getProcessDefinitionId()).as("the called stage is a model of its own")
			.contains("migration-trial-stage");
		complete(stage, "Task_StageWork");

		ProcessInstance approval = started.get("approval");
		List<Task> approvals = tasks.createTaskQuery()
			.processInstanceId(approval.getId())
			.taskDefinitionKey("Task_Approve")
			.list();
		assertThat(approvals).extracting(Task::getAssignee).containsExactlyInAnyOrder("anna", "ben");
		approvals.forEach(approve -> tasks.complete(approve.getId()));

		ProcessInstance message = started.get("message");
		runtime.createMessageCorrelation("CitizenAnsweredTrialV2").processInstanceId(message.getId()).correlate();

		for (String route : List.of("task", "timer", "call", "approval", "message")) {
			ProcessInstance instance = started.get(route);
			complete(instance, "Task_Confirm");
			HistoricProcessInstance done = engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId())
				.singleResult();
			assertThat(done.getEndTime()).as(route + " finished").isNotNull();
			assertThat(done.getProcessDefinitionId()).as(route + " on version 2").isEqualTo(v2.getId());
		}
		assertThat(definitionOf(obsolete)).isEqualTo(v1.getId());
	}

	@Test
	void aPlanTheEngineRefusesIsShownAndMovesNothing() throws Exception {
		ProcessDefinition v1 = deployAs("migration-wrong", "migration/migration-wrong-v1.bpmn");
		ProcessInstance waiting = runtime.startProcessInstanceById(v1.getId(), "WRONG-" + System.nanoTime());
		deployAs("migration-wrong", "migration/migration-wrong-v2.bpmn");

		MockHttpSession designer = StaffSessions.loggedIn(engine, "designer-migration");
		String html = mvc.perform(get("/staff/migrations/migration-wrong").session(designer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("The plan is not valid: nothing of this version moves",
				"&quot;Check&quot; (Task_Check) → &quot;Wait a week&quot; (Timer_Wait)",
				"check processes/migrations/migration-wrong-v1-v2.json", "<strong>0</strong> can move",
				waiting.getBusinessKey());
		assertThat(html).as("no button").doesNotContain("Move 0");

		MockHttpServletResponse refused = mvc
			.perform(post("/staff/migrations/migration-wrong/run").session(designer)
				.param("_csrf", sessionToken(designer)))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString())
			.contains("No running instance of Migration with a wrong file can move");
		assertThat(definitionOf(waiting)).isEqualTo(v1.getId());
		assertThat(runtime.getActiveActivityIds(waiting.getId())).containsExactly("Task_Check");
		assertThat(management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).count()).isZero();
	}

	@Test
	void anInstanceThatMovedOnBeforeTheBatchRanStaysAndItsFailedJobIsAnIncident() throws Exception {
		ProcessDefinition v1 = deployAs("migration-gap", "migration/migration-gap-v1.bpmn");
		ProcessInstance instance = runtime.startProcessInstanceById(v1.getId(), "GAP-" + System.nanoTime());
		deployAs("migration-gap", "migration/migration-gap-v2.bpmn");
		MockHttpSession operator = StaffSessions.loggedIn(engine, "operator-migration");
		String token = sessionToken(operator);
		assertThat(mvc.perform(get("/staff/migrations/migration-gap").session(operator))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<strong>1</strong> can move");
		assertThat(mvc.perform(post("/staff/migrations/migration-gap/run").session(operator).param("_csrf", token))
			.andReturn()
			.getResponse()
			.getStatus()).as("an operator moves it").isEqualTo(302);
		// meanwhile the instance went on to "Second look", which version 2 does not have
		complete(instance, "Task_First");

		Batch batch = management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
		management.createJobQuery()
			.jobDefinitionId(batch.getSeedJobDefinitionId())
			.list()
			.forEach(job -> management.executeJob(job.getId()));
		for (int attempt = 0; attempt < 5; attempt++) {
			for (Job job : management.createJobQuery()
				.jobDefinitionId(batch.getBatchJobDefinitionId())
				.withRetriesLeft()
				.list()) {
				try {
					management.executeJob(job.getId());
				}
				catch (RuntimeException expected) {
					// the job executor would log it and retry
				}
			}
		}
		assertThat(definitionOf(instance)).isEqualTo(v1.getId());
		assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_Second");
		assertThat(runtime.createIncidentQuery().jobDefinitionIdIn(batch.getBatchJobDefinitionId()).count())
			.as("an incident in Cockpit")
			.isEqualTo(1);

		String html = mvc.perform(get("/staff/migrations/migration-gap").session(operator))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("failed jobs: incidents for the operators", "0 of 1 job(s) done",
				"still on version " + v1.getVersion() + " (tag 1): " + instance.getBusinessKey(),
				"waits at &quot;Second look&quot; (Task_Second)");
		management.deleteBatch(batch.getId(), true);
	}

	@Test
	void onlyProcessDesignersOperatorsAndTheAdministratorMayOpenOrRunIt() throws Exception {
		assertThat(mvc.perform(get("/staff/migrations")).andReturn().getResponse().getStatus()).isEqualTo(401);
		MockHttpSession office = StaffSessions.loggedIn(engine, "office-migration");
		MockHttpServletResponse refused = mvc.perform(get("/staff/migrations/idea-to-service").session(office))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("for process designers and operators");
		MockHttpSession designer = StaffSessions.loggedIn(engine, "designer-migration");
		assertThat(mvc
			.perform(post("/staff/migrations/idea-to-service/run").session(office).param("_csrf", sessionToken(office)))
			.andReturn()
			.getResponse()
			.getStatus()).as("a civil servant, even with a token").isEqualTo(403);
		assertThat(mvc.perform(post("/staff/migrations/idea-to-service/run").session(designer))
			.andReturn()
			.getResponse()
			.getStatus()).as("without the page's token").isEqualTo(403);

		String overview = mvc.perform(get("/staff/migrations").session(designer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overview).contains("Running instances and new versions", "idea-to-service", "service-approval",
				"does not move the stages");

		assertThat(staffApi("office-migration", "idea-to-service")).isEqualTo(403);
		assertThat(staffApi("designer-migration", "idea-to-service")).isEqualTo(200);
		assertThat(staffApi("operator-migration", "idea-to-service")).isEqualTo(200);
		assertThat(staffApi("designer-migration", "no-such-model")).isEqualTo(404);
		int officePost = RestClient.create("http://localhost:" + port + "/api/staff/migrations")
			.post()
			.uri("/idea-to-service")
			.headers(headers -> headers.setBasicAuth("office-migration", "password-office-migration"))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(officePost).as("a civil servant moves nothing").isEqualTo(403);
	}

	private ProcessDefinition deploy(String... resources) {
		return deployAs(KEY, resources);
	}

	private ProcessDefinition deployAs(String key, String... resources) {
		var deployment = engine.getRepositoryService().createDeployment().name("migration trial");
		for (String resource : resources) {
			deployment.addClasspathResource(resource);
		}
		String id = deployment.deploy().getId();
		return engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(id)
			.processDefinitionKey(key)
			.singleResult();
	}

	/**
	 * The batch's seed, migration and monitor jobs, as the job executor would run them.
	 */
	private void runMigrationBatches() {
		for (int round = 0; round < 20; round++) {
			List<Batch> batches = management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list();
			if (batches.isEmpty()) {
				return;
			}
			for (Batch batch : batches) {
				for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
						batch.getMonitorJobDefinitionId())) {
					management.createJobQuery()
						.jobDefinitionId(definition)
						.list()
						.forEach(job -> management.executeJob(job.getId()));
				}
			}
		}
		throw new AssertionError("the migration batch does not end");
	}

	private void complete(ProcessInstance instance, String taskKey) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as(taskKey + " open").isNotNull();
		tasks.complete(task.getId());
	}

	private String definitionOf(ProcessInstance instance) {
		return runtime.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getProcessDefinitionId();
	}

	private int engineRest(String user, String path, String body) {
		return RestClient.create("http://localhost:" + port + "/engine-rest")
			.post()
			.uri(path)
			.headers(headers -> headers.setBasicAuth(user, "password-" + user))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private int staffApi(String user, String key) {
		return RestClient.create("http://localhost:" + port + "/api/staff/migrations")
			.get()
			.uri("/{key}", key)
			.headers(headers -> headers.setBasicAuth(user, "password-" + user))
			.exchange((request, response) -> response.getStatusCode().value());
	}

	/** The token of the page's form, as the browser sends it. */
	private String token(MockHttpSession session) throws Exception {
		String page = mvc.perform(get("/staff/migrations/" + KEY).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	/** A valid token of this session, as a page with a form would hold it. */
	private static String sessionToken(MockHttpSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpSessionCsrfTokenRepository repository = new HttpSessionCsrfTokenRepository();
		CsrfToken token = repository.generateToken(request);
		repository.saveToken(token, request, response);
		new XorCsrfTokenRequestAttributeHandler().handle(request, response, () -> token);
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

}
