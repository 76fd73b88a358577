package city.ideatoservice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The demo users at the real HTTP API, as an outside tester tries it: the portal without
 * login, the engine's REST API with a demo user's HTTP Basic login (password "demo").
 */
class DemoRest {

	record Answer(int status, JsonNode body) {
	}

	private final int port;

	private final ObjectMapper json;

	DemoRest(int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
	}

	String base() {
		return "http://localhost:" + port;
	}

	RestClient portal() {
		return RestClient.create(base());
	}

	RestClient as(String user) {
		return RestClient.builder()
			.baseUrl(base() + "/engine-rest")
			.defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
			.build();
	}

	Answer send(String user, HttpMethod method, String uri, Object body, Object... uriVariables) {
		RestClient.RequestBodySpec request = as(user).method(method).uri(uri, uriVariables);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange((req, response) -> {
			byte[] content = response.getBody().readAllBytes();
			return new Answer(response.getStatusCode().value(),
					content.length == 0 ? json.nullNode() : json.readTree(content));
		});
	}

	/** Values as Tasklist submits a Camunda Form: primitives without a type. */
	static Map<String, Object> form(Object... keyValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			Object value = keyValues[i + 1];
			variables.put((String) keyValues[i], value instanceof Map<?, ?> typed ? typed : Map.of("value", value));
		}
		return Map.of("variables", variables);
	}

	/** A list as Tasklist sends a checklist or dynamic list: a Json variable. */
	static Map<String, Object> jsonValue(String value) {
		return Map.of("type", "Json", "value", value);
	}

	/** An idea from the portal: its reference and tracking code. */
	String[] newIdea(String title) {
		JsonNode submitted = portal().post()
			.uri("/api/ideas")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", title, "description", "A description of " + title + ".", "theme", "CULTURE", "reach",
					"DISTRICT"))
			.retrieve()
			.body(JsonNode.class);
		return new String[] { submitted.path("reference").asText(), submitted.path("trackingCode").asText() };
	}

	String status(String trackingCode) {
		return portal().get()
			.uri("/api/ideas/tracking/{code}", trackingCode)
			.retrieve()
			.body(JsonNode.class)
			.path("status")
			.asText();
	}

	/** The user's task with this form in the idea, waiting for the engine's jobs. */
	JsonNode taskOf(String user, String reference, String formKey) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			found[0] = null;
			for (JsonNode task : as(user).get()
				.uri("/task?processInstanceBusinessKey={ref}", reference)
				.retrieve()
				.body(JsonNode.class)) {
				if (formKey.equals(task.path("camundaFormRef").path("key").asText())) {
					found[0] = task;
				}
			}
			assertThat(found[0]).as("task with form %s for %s", formKey, user).isNotNull();
		});
		return found[0];
	}

	String taskId(String user, String reference, String formKey) {
		return taskOf(user, reference, formKey).path("id").asText();
	}

	/** Any task with this form that the user sees (of the demo's ideas). */
	JsonNode anyTaskOf(String user, String formKey) {
		JsonNode found = null;
		for (JsonNode candidate : as(user).get().uri("/task?maxResults=500").retrieve().body(JsonNode.class)) {
			if (formKey.equals(candidate.path("camundaFormRef").path("key").asText())) {
				found = candidate;
			}
		}
		assertThat(found).as("a task with form %s for %s", formKey, user).isNotNull();
		return found;
	}

	void submit(String user, String reference, String formKey, Map<String, Object> form) {
		Answer answer = send(user, HttpMethod.POST, "/task/{id}/submit-form", form, taskId(user, reference, formKey));
		assertThat(answer.status()).as("%s submits %s: %s", user, formKey, answer.body()).isEqualTo(204);
	}

	JsonNode variable(String user, String taskId, String name) {
		return send(user, HttpMethod.GET, "/task/{id}/variables/{name}", null, taskId, name).body();
	}

	/** An idea screened and co-designed, asking for this prototype budget in euros. */
	String[] asksForFunding(String title, int euros) {
		String[] idea = newIdea(title);
		String ref = idea[0];
		submit("inno", ref, "screen-idea", form("screeningDecision", "ACCEPT", "category", "CULTURE", "priority",
				"NORMAL", "sponsorDepartment", "dept-culture"));
		submit("inno", ref, "assign-champion", form("champion", "champ", "sponsorDepartment", "dept-culture"));
		submit("champ", ref, "plan-codesign-session",
				form("sessionFormat", "WORKSHOP", "sessionDate", LocalDate.now().plusDays(7).toString(), "sessionPlace",
						"Library", "sessionParticipants", "Neighbours"));
		submit("champ", ref, "record-codesign-outcome",
				form("codesignOutcome", "VIABLE", "objectives", "Twelve sessions a year", "milestones",
						jsonValue("[{\"title\":\"First\",\"dueDate\":\"" + LocalDate.now().plusDays(60) + "\"}]"),
						"datasets", jsonValue("[]"), "fundingSource", "NEW_FUNDING", "estimatedBudget", euros));
		return idea;
	}

}
