package city.ideatoservice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static city.ideatoservice.identity.DemoRest.form;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import city.ideatoservice.identity.DemoRest.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * The engine's side doors of issue 11, tried as the demo users try them over the REST
 * API: a task writes only the fields of its form one may fill in (findings 1), and the
 * generic writes on tasks, executions and process instances are the administrator's
 * (findings 2 to 4).
 */
// the demo users and ideas in a context of its own: the REST API finds the engine named
// "default" that started last, so a context reused after others started would ask theirs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:side-doors-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500",
				"spring.mail.port=3026" })
@ActiveProfiles("demo")
class SideDoorsTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	DemoRest api;

	@BeforeEach
	void api() {
		api = new DemoRest(port, json);
	}

	Answer send(String user, HttpMethod method, String uri, Object body, Object... uriVariables) {
		return api.send(user, method, uri, body, uriVariables);
	}

	RestClient as(String user) {
		return api.as(user);
	}

	String[] newIdea(String title) {
		return api.newIdea(title);
	}

	String status(String trackingCode) {
		return api.status(trackingCode);
	}

	JsonNode taskOf(String user, String reference, String formKey) {
		return api.taskOf(user, reference, formKey);
	}

	String taskId(String user, String reference, String formKey) {
		return api.taskId(user, reference, formKey);
	}

	JsonNode variable(String user, String taskId, String name) {
		return api.variable(user, taskId, name);
	}

	String[] asksForFunding(String title, int euros) {
		return api.asksForFunding(title, euros);
	}

	// ---- finding 1: a completed task writes only its form's editable fields

	@Test
	void aScreeningCannotRejectAnotherIdea() {
		String[] a = newIdea("Side door A");
		String[] b = newIdea("Side door B");
		await().atMost(Duration.ofSeconds(30)).until(() -> "IN_REVIEW".equals(status(b[1])));
		String task = taskId("inno", a[0], "screen-idea");

		for (String door : List.of("/task/{id}/submit-form", "/task/{id}/complete")) {
			Answer refused = send("inno", HttpMethod.POST, door, form("screeningDecision", "REJECT", "category",
					"CULTURE", "priority", "LOW", "publicReason", "Not for us", "ideaReference", b[0]), task);
			assertThat(refused.status()).as(door).isEqualTo(400);
			assertThat(refused.body().path("message").asText())
				.endsWith("'ideaReference' is not a field of the form 'Screen idea' you may fill in.");
		}
		assertThat(status(b[1])).isEqualTo("IN_REVIEW");
		assertThat(status(a[1])).isEqualTo("IN_REVIEW");
		assertThat(variable("inno", task, "ideaReference").path("value").asText()).isEqualTo(a[0]);
	}

	@Test
	void aSmallFundingApprovalCannotRaiseTheAmount() {
		String ref = asksForFunding("Side door small funding", 4500)[0];
		String task = taskId("inno", ref, "approve-funding");
		for (String door : List.of("/task/{id}/submit-form", "/task/{id}/complete")) {
			Answer refused = send("inno", HttpMethod.POST, door, form("approvalDecision", "APPROVE",
					"requestedAmountCents", Map.of("value", 7_000_000, "type", "Long")), task);
			assertThat(refused.status()).as(door).isEqualTo(400);
			assertThat(refused.body().path("message").asText()).contains("'requestedAmountCents' is not a field");
		}
		assertThat(variable("inno", task, "requestedAmountCents").path("value").asLong()).isEqualTo(450_000);
		// the task is still there to be decided
		assertThat(taskId("inno", ref, "approve-funding")).isEqualTo(task);
	}

	@Test
	void anAgendaItemCannotRenameTheIdea() {
		JsonNode task = null;
		for (JsonNode candidate : as("clerk").get().uri("/task?maxResults=200").retrieve().body(JsonNode.class)) {
			if ("prepare-agenda-item".equals(candidate.path("camundaFormRef").path("key").asText())) {
				task = candidate;
			}
		}
		assertThat(task).as("the demo's agenda item to prepare").isNotNull();
		String id = task.path("id").asText();
		String title = variable("clerk", id, "ideaTitle").path("value").asText();
		JsonNode sessions = as("clerk").get()
			.uri("http://localhost:" + port + "/api/staff/council/sessions")
			.retrieve()
			.body(JsonNode.class);
		Answer refused = send("clerk", HttpMethod.POST, "/task/{id}/submit-form",
				form("draftActText", "The city acts.", "committee", "SOCIAL_CULTURE", "councilSessionId",
						sessions.get(0).path("id").asText(), "ideaTitle", "Renamed by the clerk"),
				id);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("message").asText()).contains("'ideaTitle' is not a field of the form");
		assertThat(variable("clerk", id, "ideaTitle").path("value").asText()).isEqualTo(title)
			.isNotEqualTo("Renamed by the clerk");
	}

	// ---- findings 2 to 4: the generic doors are the administrator's

	@Test
	void financeDecidesItsFundingTaskThroughTheFormOnlyAndTheAdministratorMayDoMore() {
		String ref = asksForFunding("Side door medium funding", 20_000)[0];
		String task = taskId("finn", ref, "approve-funding");

		// finding 2: variables of the task
		Map<String, Object> amount = Map.of("value", 7_000_000, "type", "Long");
		for (String path : List.of("/task/{id}/variables/approvedAmountCents",
				"/task/{id}/localVariables/approvedAmountCents",
				"/engine/default/task/{id}/variables/approvedAmountCents/")) {
			Answer refused = send("finn", HttpMethod.PUT, path, amount, task);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.body().path("message").asText()).startsWith("Only an administrator may change");
		}
		assertThat(send("finn", HttpMethod.POST, "/task/{id}/variables",
				Map.of("modifications", Map.of("requestedAmountCents", amount)), task)
			.status()).isEqualTo(403);
		assertThat(send("finn", HttpMethod.DELETE, "/task/{id}/variables/requestedAmountCents", null, task).status())
			.isEqualTo(403);
		// finding 3: errors and escalations
		assertThat(send("finn", HttpMethod.POST, "/task/{id}/bpmnError", Map.of("errorCode", "PROTOTYPE_STOPPED"), task)
			.status()).isEqualTo(403);
		assertThat(send("finn", HttpMethod.POST, "/task/{id}/bpmnEscalation", Map.of("escalationCode", "X"), task)
			.status()).isEqualTo(403);
		// finding 4: who works on the task
		Map<String, Object> communications = Map.of("groupId", "communications", "type", "candidate");
		assertThat(send("finn", HttpMethod.POST, "/task/{id}/identity-links", communications, task).status())
			.isEqualTo(403);
		assertThat(taskOf("finn", ref, "approve-funding").path("id").asText()).isEqualTo(task);
		assertThat(variable("finn", task, "requestedAmountCents").path("value").asLong()).isEqualTo(2_000_000);

		// the administrator may
		assertThat(send("demo", HttpMethod.POST, "/task/{id}/identity-links", communications, task).status())
			.isEqualTo(204);
		assertThat(send("demo", HttpMethod.POST, "/task/{id}/identity-links/delete", communications, task).status())
			.isEqualTo(204);
		assertThat(send("demo", HttpMethod.PUT, "/task/{id}/localVariables/adminNote",
				Map.of("value", "checked", "type", "String"), task)
			.status()).isEqualTo(204);

		// and finance decides through its form
		assertThat(send("finn", HttpMethod.POST, "/task/{id}/submit-form", form("approvalDecision", "APPROVE"), task)
			.status()).isEqualTo(204);
	}

	@Test
	void processInstancesAreNotChangedDeletedOrMessagedByStaff() {
		JsonNode approval = null;
		for (JsonNode candidate : as("ivo").get().uri("/task?maxResults=200").retrieve().body(JsonNode.class)) {
			if ("approve-service".equals(candidate.path("camundaFormRef").path("key").asText())) {
				approval = candidate;
			}
		}
		assertThat(approval).as("the demo's IT approval").isNotNull();
		String task = approval.path("id").asText();
		String instance = approval.path("processInstanceId").asText();
		String execution = approval.path("executionId").asText();

		// IT ends its approval with an unknown error, or deletes the funding outcome
		assertThat(send("ivo", HttpMethod.POST, "/task/{id}/bpmnError", Map.of("errorCode", "WHATEVER"), task).status())
			.isEqualTo(403);
		assertThat(send("ivo", HttpMethod.DELETE, "/process-instance/{id}/variables/fundingOutcome", null, instance)
			.status()).isEqualTo(403);
		assertThat(send("ivo", HttpMethod.PUT, "/execution/{id}/localVariables/approvalDecision",
				Map.of("value", "APPROVE"), execution)
			.status()).isEqualTo(403);
		// process designers neither delete nor modify a running idea
		assertThat(send("desi", HttpMethod.DELETE, "/process-instance/{id}", null, instance).status()).isEqualTo(403);
		assertThat(send("desi", HttpMethod.POST, "/process-instance/delete",
				Map.of("processInstanceIds", List.of(instance), "deleteReason", "gone"))
			.status()).isEqualTo(403);
		assertThat(send("desi", HttpMethod.POST, "/process-instance/{id}/modification",
				Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Task_ApproveService"))),
				instance)
			.status()).isEqualTo(403);
		// models are deployed with the application, not over HTTP (finding 6: an
		// expression
		// in a deployed model runs on the server)
		assertThat(send("desi", HttpMethod.POST, "/deployment/create", Map.of()).status()).isEqualTo(403);
		// nobody on staff sends the processes messages (the portal does, in Java)
		assertThat(send("inno", HttpMethod.POST, "/message", Map.of("messageName", "IdeaWithdrawn")).status())
			.isEqualTo(403);
		assertThat(send("ivo", HttpMethod.GET, "/task/{id}", null, task).status()).isEqualTo(200);
		assertThat(send("ivo", HttpMethod.GET, "/task/{id}/variables", null, task).status()).isEqualTo(200);
	}

	@Test
	void processDesignersReadTheModelsButDoNoTaskWork() {
		JsonNode screening = null;
		for (JsonNode candidate : as("inno").get().uri("/task?maxResults=200").retrieve().body(JsonNode.class)) {
			if ("screen-idea".equals(candidate.path("camundaFormRef").path("key").asText())) {
				screening = candidate;
			}
		}
		assertThat(screening).as("a demo idea to screen").isNotNull();
		String task = screening.path("id").asText();
		assertThat(send("desi", HttpMethod.POST, "/task/{id}/claim", Map.of("userId", "desi"), task).status())
			.isEqualTo(403);
		assertThat(send("desi", HttpMethod.POST, "/task/{id}/submit-form",
				form("screeningDecision", "REJECT", "category", "CULTURE", "priority", "LOW", "publicReason", "No"),
				task)
			.status()).isEqualTo(403);
		assertThat(send("inno", HttpMethod.GET, "/task/{id}", null, task).body().path("assignee").isNull()).isTrue();
		assertThat(send("desi", HttpMethod.GET, "/process-definition?key=idea-to-service", null).body().size())
			.isPositive();
	}

	@Test
	void theRefusedDoorsAreMatchedWithEveryPrefixAndTrailingSlash() {
		assertThat(RestApiSecurity.sideDoor("PUT", "/task/1/variables/x")).isPresent();
		assertThat(RestApiSecurity.sideDoor("PUT", "/engine/default/task/1/variables/x/")).isPresent();
		assertThat(RestApiSecurity.sideDoor("POST", "/engine/default/task/1/bpmnError//")).isPresent();
		assertThat(RestApiSecurity.sideDoor("POST", "/message/")).isPresent();
		assertThat(RestApiSecurity.sideDoor("DELETE", "/process-instance/1")).isPresent();
		assertThat(RestApiSecurity.sideDoor("GET", "/task/1/variables")).isEmpty();
		assertThat(RestApiSecurity.sideDoor("GET", "/process-instance/1")).isEmpty();
		assertThat(RestApiSecurity.sideDoor("POST", "/task/1/submit-form")).isEmpty();
		assertThat(RestApiSecurity.sideDoor("POST", "/task/1/claim")).isEmpty();
		assertThat(RestApiSecurity.sideDoor("POST", "/process-instance")).isEmpty();
		assertThat(RestApiSecurity.sideDoor("POST", "/deployment/create")).isPresent();
		assertThat(RestApiSecurity.sideDoor("POST", "/engine/default/deployment/1/redeploy/")).isPresent();
		assertThat(RestApiSecurity.sideDoor("DELETE", "/deployment/1")).isPresent();
		assertThat(RestApiSecurity.sideDoor("GET", "/deployment/1/resources")).isEmpty();
	}

}
