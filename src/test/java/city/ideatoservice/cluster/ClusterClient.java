package city.ideatoservice.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The citizens and staff of the cluster test, behind a load balancer without sticky
 * sessions: every request goes to the node its turn names, or to the other one when that
 * node is down or drops the connection, as a balancer retries. A citizen repeats a
 * submission with the same Idempotency-Key; a clerk whose answer was lost looks whether
 * the task is still open.
 */
final class ClusterClient {

	record Answer(int status, JsonNode body) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final List<ClusterNode> nodes;

	/**
	 * Requests that failed on a node (connection refused or dropped) and went to the
	 * other.
	 */
	final AtomicInteger failovers = new AtomicInteger();

	/** Answers 409 (the other node changed the same thing at the same time). */
	final AtomicInteger conflicts = new AtomicInteger();

	/** Answers 5xx: what a user must never see, here a failure of the test. */
	final List<String> serverErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

	ClusterClient(List<ClusterNode> nodes) {
		this.nodes = nodes;
	}

	Answer send(ClusterNode node, String method, String path, String user, Object body, Map<String, String> headers)
			throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		headers.forEach(request::header);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 409) {
				conflicts.incrementAndGet();
			}
			String text = response.body();
			if (response.statusCode() >= 500) {
				serverErrors.add(node + " " + method + " " + path + ": " + response.statusCode() + " " + text);
			}
			return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** On the node of this turn, or on the other one if it is down. */
	Answer balanced(int turn, String method, String path, String user, Object body, Map<String, String> headers) {
		IOException last = null;
		for (int attempt = 0; attempt < 2 * nodes.size(); attempt++) {
			ClusterNode node = nodes.get((turn + attempt) % nodes.size());
			if (!node.alive()) {
				continue;
			}
			try {
				return send(node, method, path, user, body, headers);
			}
			catch (IOException ex) {
				failovers.incrementAndGet();
				last = ex;
			}
		}
		throw new IllegalStateException("No node answered " + method + " " + path, last);
	}

	/** A citizen's idea; a lost answer is repeated with the same Idempotency-Key. */
	JsonNode submitIdea(int turn, String key, Map<String, Object> idea) {
		// a claim of the key by a request cut off on a killed node is abandoned after a
		// minute
		Instant until = Instant.now().plusSeconds(180);
		while (Instant.now().isBefore(until)) {
			Answer answer = balanced(turn++, "POST", "/api/ideas", null, idea, Map.of("Idempotency-Key", key));
			if (answer.ok()) {
				return answer.body();
			}
			if (answer.status() != 409) {
				throw new IllegalStateException("Submission " + key + ": " + answer);
			}
			// 409: the first request with this key is still running
			ClusterNode.sleep(200);
		}
		throw new IllegalStateException("Submission " + key + " not answered");
	}

	/** The user's open task of this idea with this form, once the engine created it. */
	JsonNode openTask(int turn, String user, String reference, String formKey) {
		Instant until = Instant.now().plusSeconds(180);
		while (Instant.now().isBefore(until)) {
			Answer tasks = balanced(turn++, "GET", "/engine-rest/task?processInstanceBusinessKey=" + reference, user,
					null, Map.of());
			if (tasks.ok()) {
				for (JsonNode task : tasks.body()) {
					if (formKey.equals(task.path("camundaFormRef").path("key").asText())) {
						return task;
					}
				}
			}
			ClusterNode.sleep(100);
		}
		throw new IllegalStateException("No task " + formKey + " of " + reference + " for " + user);
	}

	/**
	 * Submits the form of the user's task as Tasklist does; after a lost answer or a
	 * conflict, again while the task is still open. The answer of the submission that
	 * took, or the refusal (4xx other than 404 and 409).
	 */
	Answer submitTask(int turn, String user, String reference, String formKey, Map<String, Object> form) {
		JsonNode task = openTask(turn, user, reference, formKey);
		String id = task.path("id").asText();
		for (int attempt = 0; attempt < 20; attempt++) {
			Answer answer;
			try {
				answer = balanced(turn + attempt, "POST", "/engine-rest/task/" + id + "/submit-form", user, form,
						Map.of());
			}
			catch (IllegalStateException noNode) {
				answer = new Answer(503, null);
			}
			if (answer.ok() || (answer.status() >= 400 && answer.status() < 500 && answer.status() != 404
					&& answer.status() != 409)) {
				return answer;
			}
			Answer still = balanced(turn + attempt + 1, "GET", "/engine-rest/task/" + id, user, null, Map.of());
			if (still.status() == 404) {
				// completed by the try whose answer was lost
				return new Answer(204, null);
			}
			ClusterNode.sleep(200);
		}
		throw new IllegalStateException("Task " + formKey + " of " + reference + " could not be completed");
	}

	/**
	 * Values as Tasklist submits a Camunda Form: primitives untyped, lists as Json.
	 */
	Map<String, Object> form(Object... keyValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			Object value = keyValues[i + 1];
			try {
				variables.put((String) keyValues[i], value instanceof List<?> list
						? Map.of("type", "Json", "value", json.writeValueAsString(list)) : Map.of("value", value));
			}
			catch (IOException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		return Map.of("variables", variables);
	}

}
