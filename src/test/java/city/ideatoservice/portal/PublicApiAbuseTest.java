package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.web.LoopbackClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public API as an outside tester attacks it, over a real port: parallel repeats,
 * malformed and hostile JSON, wrong content types, odd methods and paths. Whatever comes
 * in: no 5xx, nothing half-written, no class name or stored entity in an answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:public-api-abuse-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=a-long-test-password" })
class PublicApiAbuseTest {

	static final String VALID = """
			{"title":"Bike lanes on the ring road","description":"Protected bike lanes between the gates.",\
			"theme":"MOBILITY","reach":"CITY","name":"Ana Citizen","email":"ana@example.org","privacyConsent":true}""";

	/**
	 * What no answer may show: Java's or our packages, exception names, a stored entity,
	 * the code's hash.
	 */
	static final List<String> INTERNALS = List.of("java.", "jakarta.", "org.springframework", "org.camunda",
			"city.ideatoservice", "Exception", "entity=", "Idea[", "trackingCodeHash", "idempotencyKey");

	@LocalServerPort
	int port;

	@Autowired
	IdeaRepository ideas;

	@Autowired
	CitizenRepository citizens;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ObjectMapper json;

	LoopbackClient client() {
		return new LoopbackClient(port, "127.0.0.1");
	}

	LoopbackClient.Response submit(String body, String... headers) throws Exception {
		List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
		all.addAll(List.of(headers));
		return client().post("/api/ideas", body, all.toArray(String[]::new));
	}

	long instances() {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ProcessKeys.IDEA_TO_SERVICE)
			.count();
	}

	long[] counts() {
		return new long[] { ideas.count(), citizens.count(), instances() };
	}

	/**
	 * A refused submission: the status, a problem that says what to do, and nothing
	 * written.
	 */
	JsonNode refused(int status, String body, String... expectedInDetail) throws Exception {
		return refusedWith(status, body, "application/json", expectedInDetail);
	}

	JsonNode refusedWith(int status, String body, String contentType, String... expectedInDetail) throws Exception {
		long[] before = counts();
		LoopbackClient.Response response = contentType == null ? client().post("/api/ideas", body)
				: client().post("/api/ideas", body, "Content-Type", contentType);
		assertThat(response.status()).as("status for %s", body).isEqualTo(status);
		assertThat(response.header("Content-Type")).as("type of the answer to %s", contentType)
			.startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain(INTERNALS);
		JsonNode problem = json.readTree(response.body());
		for (String expected : expectedInDetail) {
			assertThat(problem.path("detail").asText()).as("detail of %s", body).contains(expected);
		}
		assertThat(counts()).as("ideas, citizens, process instances").isEqualTo(before);
		return problem;
	}

	// ---- idempotency under concurrency

	@Test
	void twentyParallelSubmissionsWithOneKeyGiveOneIdeaAndOneAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		long[] before = counts();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<LoopbackClient.Response>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return submit(VALID, "Idempotency-Key", key);
			}));
		}
		start.countDown();
		List<JsonNode> created = new ArrayList<>();
		for (Future<LoopbackClient.Response> answer : answers) {
			LoopbackClient.Response response = answer.get();
			assertThat(response.status()).as(response.body()).isIn(201, 409);
			assertThat(response.body()).doesNotContain(INTERNALS);
			if (response.status() == 201) {
				created.add(json.readTree(response.body()));
			}
			else {
				assertThat(response.header("Retry-After")).isNotNull();
				assertThat(json.readTree(response.body()).path("detail").asText()).contains("still being processed");
			}
		}
		pool.shutdown();

		assertThat(created).isNotEmpty();
		assertThat(created.stream().map(answer -> answer.path("reference").asText()).distinct()).hasSize(1);
		assertThat(created.stream().map(answer -> answer.path("trackingCode").asText()).distinct()).hasSize(1);
		assertThat(counts()[0]).as("ideas").isEqualTo(before[0] + 1);
		assertThat(counts()[2]).as("process instances").isEqualTo(before[2] + 1);
		// once the first has finished, every repeat gets its answer
		LoopbackClient.Response late = submit(VALID, "Idempotency-Key", key);
		assertThat(late.status()).isEqualTo(201);
		assertThat(json.readTree(late.body()).path("trackingCode").asText())
			.isEqualTo(created.get(0).path("trackingCode").asText());
	}

	// ---- JSON that is not quite an idea

	@Test
	void aFieldSentTwiceIsRefused() throws Exception {
		refused(400, VALID.replace("{", "{\"title\":\"Something else\","), "\"title\" appears more than once");
		refused(400, VALID.replace("}", ",\"theme\":\"CULTURE\"}"), "\"theme\" appears more than once");
	}

	@Test
	void anUnknownFieldIsRefusedAndNamed() throws Exception {
		refused(400, VALID.replace("}", ",\"status\":\"ADOPTED\"}"), "\"status\" is not known", "title", "reach");
		refused(400, VALID.replace("}", ",\"reference\":\"IDEA-2026-000001\"}"), "\"reference\" is not known");
	}

	@Test
	void numbersAreNotThemesOrReaches() throws Exception {
		refused(400, VALID.replace("\"MOBILITY\"", "\"0\""), "\"theme\" must be one of", "MOBILITY", "OTHER");
		refused(400, VALID.replace("\"MOBILITY\"", "0"), "\"theme\" must be one of");
		refused(400, VALID.replace("\"CITY\"", "\"2\""), "\"reach\" must be one of", "NEIGHBOURHOOD");
		refused(400, VALID.replace("\"CITY\"", "1"), "\"reach\" must be one of");
		refused(400, VALID.replace("\"MOBILITY\"", "\"mobility\""), "\"theme\" must be one of");
	}

	@Test
	void textFieldsTakeText() throws Exception {
		refused(400, VALID.replace("\"Bike lanes on the ring road\"", "123"), "\"title\" must be text");
		refused(400, VALID.replace("\"Bike lanes on the ring road\"", "true"), "\"title\" must be text");
		refused(400, VALID.replace("\"Bike lanes on the ring road\"", "[\"Bike lanes\"]"), "\"title\" must be text");
		refused(400, VALID.replace("\"Ana Citizen\"", "{\"first\":\"Ana\"}"), "\"name\" must be text");
	}

	@Test
	void anythingAfterTheIdeaIsRefused() throws Exception {
		refused(400, VALID + VALID, "more after the end of the JSON object");
		refused(400, VALID + " []", "more after the end of the JSON object");
		refused(400, VALID + " garbage", "not valid JSON");
	}

	@Test
	void aWildcardMissingOrWrongContentTypeIsRefusedWith415() throws Exception {
		for (String contentType : new String[] { "*/*", "application/*", "application/*+json", "*", "text/plain",
				"application/xml", "application/x-www-form-urlencoded", "application/problem+json", "json",
				"application/json/extra" }) {
			refusedWith(415, VALID, contentType, "Content-Type: application/json");
		}
		refusedWith(415, VALID, null, "Content-Type: application/json");
		assertThat(client().post("/api/ideas", VALID, "Content-Type", "*/*").header("Accept"))
			.isEqualTo("application/json");
	}

	// ---- the browser's protections

	@Test
	void theApplicationsOwnPagesAndApisSendSecurityHeaders() throws Exception {
		LoopbackClient.Response created = submit(VALID);
		assertThat(created.status()).isEqualTo(201);
		List<LoopbackClient.Response> answers = new ArrayList<>(List.of(created));
		for (String path : List.of("/api/ideas/tracking/ABCD-EFGH-JKMN-PQRS", "/register", "/register.css",
				"/api/register", "/api/datasets", "/actuator/health", "/engine-rest/task",
				"/api/staff/council/sessions", "/no-such-page")) {
			answers.add(client().get(path));
		}
		for (LoopbackClient.Response answer : answers) {
			assertThat(answer.headers("Content-Security-Policy")).as(answer.body())
				.containsExactly("default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none';"
						+ " form-action 'self'");
			assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
		}
		// the answer with the tracking code is kept in no cache
		assertThat(created.header("Cache-Control")).isEqualTo("no-store");
		// the register page (a page of the portal) needs nothing the policy forbids: its
		// style and its script are files of their own
		LoopbackClient.Response register = client().get("/register");
		assertThat(register.status()).isEqualTo(200);
		assertThat(register.body()).doesNotContain("<style", "<script>", "style=")
			.contains("href=\"/portal.css\"", "<script src=\"/portal.js\" defer></script>");
		assertThat(client().get("/portal.css").header("Content-Type")).startsWith("text/css");
		assertThat(client().get("/portal.js").header("Content-Type")).startsWith("text/javascript");
	}

	@Test
	void camundasWebappsKeepTheirOwnHeaders() throws Exception {
		LoopbackClient.Response tasklist = client().get("/camunda/app/tasklist/default/");

		assertThat(tasklist.status()).isEqualTo(200);
		// Camunda's policy (scripts with a nonce), once; not ours, which would stop
		// Tasklist's scripts
		assertThat(tasklist.headers("Content-Security-Policy")).hasSize(1);
		assertThat(tasklist.header("Content-Security-Policy")).contains("script-src");
		assertThat(tasklist.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	// ---- the engine's REST API

	@Test
	void theEnginesRestApiNamesNoClassWhenItFails() throws Exception {
		String admin = "Basic "
				+ Base64.getEncoder().encodeToString("admin:a-long-test-password".getBytes(StandardCharsets.UTF_8));
		// an idea's process started by its message without an idea: a delegate of ours
		// fails
		LoopbackClient.Response failed = client().post("/engine-rest/message",
				"{\"messageName\":\"IdeaSubmitted\",\"businessKey\":\"IDEA-X\",\"processVariables\":"
						+ "{\"ideaReference\":{\"value\":\"IDEA-X\"},\"ideaTitle\":{\"value\":\"T\"}}}",
				"Content-Type", "application/json", "Authorization", admin);

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.body()).doesNotContain(INTERNALS.stream().filter(s -> !s.equals("Exception")).toList())
			.doesNotContain("IllegalStateException", "No idea with reference")
			.contains("tell the operators this reference");
		// a form field the engine refuses is the client's mistake, in the form's words
		LoopbackClient.Response refused = client().post("/engine-rest/message",
				"{\"messageName\":\"IdeaSubmitted\",\"businessKey\":\"IDEA-Y\"}", "Content-Type", "application/json",
				"Authorization", admin);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("neither was given");
	}

	@Test
	void theWebappsOwnApiNamesNoClassWhenItFails() throws Exception {
		// logged in to the Tasklist as the administrator, as a browser is: session cookie
		// and the webapps' CSRF token
		LoopbackClient browser = client();
		LoopbackClient.Response page = browser.get("/camunda/app/tasklist/default/");
		String cookies = cookies(page, "");
		LoopbackClient.Response login = browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
				"username=admin&password=a-long-test-password", "Content-Type", "application/x-www-form-urlencoded",
				"Cookie", cookies, "X-XSRF-TOKEN", page.header("X-XSRF-TOKEN"), "Origin", "http://localhost:" + port);
		assertThat(login.status()).isEqualTo(200);
		cookies = cookies(login, cookies);
		LoopbackClient.Response next = browser.get("/camunda/api/engine/engine/default/task/count", "Cookie", cookies);
		assertThat(next.status()).isEqualTo(200);
		String token = next.header("X-XSRF-TOKEN") != null ? next.header("X-XSRF-TOKEN") : login.header("X-XSRF-TOKEN");
		cookies = cookies(next, cookies);

		LoopbackClient.Response failed = browser.post("/camunda/api/engine/engine/default/message",
				"{\"messageName\":\"IdeaSubmitted\",\"businessKey\":\"IDEA-W\",\"processVariables\":"
						+ "{\"ideaReference\":{\"value\":\"IDEA-W\"},\"ideaTitle\":{\"value\":\"T\"}}}",
				"Content-Type", "application/json", "Cookie", cookies, "X-XSRF-TOKEN", token, "Origin",
				"http://localhost:" + port);

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.header("Content-Type")).startsWith("application/json");
		assertThat(failed.body()).doesNotContain(INTERNALS.stream().filter(s -> !s.equals("Exception")).toList())
			.doesNotContain("IllegalStateException", "No idea with reference")
			.contains("tell the operators this reference");
	}

	/** The cookies a browser holds after this answer: the ones it set replace the old. */
	static String cookies(LoopbackClient.Response response, String held) {
		java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
		for (String cookie : held.split("; ")) {
			if (cookie.contains("=")) {
				jar.put(cookie.substring(0, cookie.indexOf('=')), cookie);
			}
		}
		for (String set : response.headers("Set-Cookie")) {
			String cookie = set.split(";")[0];
			jar.put(cookie.substring(0, cookie.indexOf('=')), cookie);
		}
		return String.join("; ", jar.values());
	}

	@Test
	void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
		long before = ideas.count();
		String huge = VALID.replace("Protected bike lanes between the gates.", "x".repeat(70_000));
		LoopbackClient.Response api = client().post("/api/ideas", huge, "Content-Type", "application/json");
		assertThat(api.status()).isEqualTo(413);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.body()).contains("shorten the text");

		// no length announced (chunked): read up to the limit, then refused
		java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/ideas"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(413);

		// the page's form: a page in the citizen's language
		LoopbackClient.Response page = client().post("/submit", "title=" + "x".repeat(70_000), "Content-Type",
				"application/x-www-form-urlencoded", "Accept-Language", "de");
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.body()).contains("Zu viel Text", "kürzen Sie den Text");
		assertThat(ideas.count()).isEqualTo(before);

		// a chunked body within the limit is read as usual
		java.net.http.HttpResponse<String> small = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/ideas"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofInputStream(() -> new java.io.ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8))))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
	}

	// ---- hostile input, generated

	@Test
	void threeHundredHostileRequestsBreakNothing() throws Exception {
		List<Case> cases = hostileCases(new Random(11));
		assertThat(cases).hasSizeGreaterThanOrEqualTo(300);

		SoftAssertions softly = new SoftAssertions();
		int accepted = 0;
		for (Case hostile : cases) {
			long[] before = counts();
			LoopbackClient.Response response = client().send(hostile.method(), hostile.path(), hostile.body(),
					hostile.headers());
			long[] after = counts();
			softly.assertThat(response.status()).as("status of %s", hostile).isLessThan(500);
			softly.assertThat(response.body()).as("answer to %s", hostile).doesNotContain(INTERNALS);
			if (response.status() == 201) {
				accepted++;
				softly.assertThat(after)
					.as("one idea, one citizen, one process for %s", hostile)
					.containsExactly(before[0] + 1, before[1] + 1, before[2] + 1);
			}
			else {
				softly.assertThat(after)
					.as("nothing written for %s (%s)", hostile, response.status())
					.containsExactly(before);
			}
		}
		softly.assertAll();
		// the mutations that keep a valid idea are accepted like any other: the test also
		// sent good requests
		assertThat(accepted).isPositive().isLessThan(cases.size() / 2);
	}

	record Case(String method, String path, byte[] body, String[] headers, String description) {

		@Override
		public String toString() {
			return description;
		}

	}

	static Case post(String description, String body, String... headers) {
		return new Case("POST", "/api/ideas", body.getBytes(StandardCharsets.UTF_8), headers, description);
	}

	static Case json(String description, String body) {
		return post(description, body, "Content-Type", "application/json");
	}

	static String quoted(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	static String idea(Map<String, String> rawValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", quoted("Bike lanes"));
		fields.put("description", quoted("Protected bike lanes"));
		fields.put("theme", quoted("MOBILITY"));
		fields.put("reach", quoted("CITY"));
		fields.put("name", quoted("Ana"));
		fields.put("email", quoted("ana@example.org"));
		fields.put("privacyConsent", "true");
		fields.putAll(rawValues);
		StringBuilder body = new StringBuilder("{");
		fields.forEach((name, value) -> {
			if (value != null) {
				body.append(body.length() > 1 ? "," : "").append(quoted(name)).append(':').append(value);
			}
		});
		return body.append('}').toString();
	}

	static List<Case> hostileCases(Random random) {
		List<Case> cases = new ArrayList<>();
		// 1. every field with every hostile value
		List<String> values = List.of("null", "0", "-1", "1e309", "true", "[]", "{}", "[\"x\"]", "{\"a\":{\"b\":1}}",
				quoted(""), quoted(" "), quoted("\u0000"), quoted("\u001b[31mred"), quoted("\u202etxt.exe"),
				quoted("\ud83d\ude00 emoji"), "\"\\ud800\"", quoted("x".repeat(10_000)), quoted("x".repeat(200_000)),
				quoted("<script>alert(1)</script>"), quoted("'; drop table idea; --"), quoted("${jndi:ldap://x/a}"),
				quoted("#{7*7} ${7*7}"), quoted("a\r\nBcc: victim@example.org"), quoted("NaN"), "NaN",
				quoted("%00%0d%0a"), quoted("IDEA-2026-000001"));
		for (String field : List.of("title", "description", "theme", "reach", "name", "email")) {
			for (String value : values) {
				cases.add(json(field + " = " + abbreviate(value), idea(Map.of(field, value))));
			}
		}
		// 2. characters of a valid idea deleted, doubled or replaced
		String palette = "{}[]\",:\\ 0-eE.nt\u0000\u007f\u00ff\u2028";
		for (int i = 0; i < 90; i++) {
			StringBuilder mutated = new StringBuilder(VALID);
			int at = random.nextInt(mutated.length());
			switch (i % 3) {
				case 0 -> mutated.deleteCharAt(at);
				case 1 -> mutated.insert(at, mutated.charAt(at));
				default -> mutated.setCharAt(at, palette.charAt(random.nextInt(palette.length())));
			}
			cases.add(json("mutation " + i + " at " + at, mutated.toString()));
		}
		// 3. shapes that are not one idea
		String deep = "[".repeat(5000) + "]".repeat(5000);
		StringBuilder manyFields = new StringBuilder(VALID.substring(0, VALID.length() - 1));
		for (int i = 0; i < 1000; i++) {
			manyFields.append(",\"f").append(i).append("\":").append(i);
		}
		for (String body : List.of("", " ", "null", "[]", "\"idea\"", "123", "[" + VALID + "]", deep,
				"{\"title\":" + deep + "}", "{".repeat(3000), " ".repeat(1_000_000) + VALID, "\ufeff" + VALID,
				VALID.replace("\"", "'"), VALID.replace("{", "{/* comment */"), VALID.replace("\"title\"", "title"),
				"{\"" + "k".repeat(50_000) + "\":1}", manyFields + "}", VALID.substring(0, VALID.length() / 2),
				VALID.replace(":", "="), "{\"title\":\"a\",\"title\":\"b\",\"title\":\"c\"}", "\u0000".repeat(100),
				"{\"theme\":\"MOBILITY\",\"theme\":0}", VALID.replace("CITY", "CITY\\u0000"),
				VALID.replace("\"CITY\"", "\"CITY\" \"CITY\""))) {
			cases.add(json("shape " + abbreviate(body), body));
		}
		cases.add(new Case("POST", "/api/ideas", VALID.getBytes(StandardCharsets.UTF_16),
				new String[] { "Content-Type", "application/json" }, "UTF-16 body"));
		cases.add(new Case("POST", "/api/ideas", VALID.getBytes(StandardCharsets.UTF_8),
				new String[] { "Content-Type", "application/json; charset=nonsense" }, "unknown charset"));
		cases.add(new Case("POST", "/api/ideas", new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF },
				new String[] { "Content-Type", "application/json" }, "invalid UTF-8"));
		// 4. content types
		for (String contentType : List.of("*/*", "application/*", "*", "", ";", "application/json;;", "text/json",
				"application/json; charset=UTF-8", "APPLICATION/JSON", "application/json, text/plain",
				"application/json\u0000", "multipart/form-data; boundary=x", "application/octet-stream",
				"application/x-www-form-urlencoded", "text/html", "application/json; charset=ISO-8859-1",
				"application/vnd.api+json", "x".repeat(5000))) {
			cases.add(post("Content-Type " + abbreviate(contentType), VALID, "Content-Type", contentType));
		}
		cases.add(post("no Content-Type", VALID));
		// 5. methods and paths
		// not CONNECT: Tomcat answers it with 501 Not Implemented itself, as HTTP says
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "PROPFIND", "FOO")) {
			cases.add(new Case(method, "/api/ideas", VALID.getBytes(StandardCharsets.UTF_8),
					new String[] { "Content-Type", "application/json" }, method + " /api/ideas"));
			cases.add(new Case(method, "/api/ideas/tracking/ABCD-EFGH-JKMN-PQRS", new byte[0], new String[0],
					method + " tracking"));
			cases.add(new Case(method, "/api/ideas/tracking/ABCD-EFGH-JKMN-PQRS/withdrawal", new byte[0], new String[0],
					method + " withdrawal"));
		}
		for (String code : List.of("%00", "..%2F..%2Factuator%2Fmetrics", "A".repeat(4000), "%C3%A9%E2%80%AE", "%2e%2e",
				"a;b=c", "a%0d%0aSet-Cookie:%20x=y", "%25", "%ff%fe", "' OR '1'='1", "*", "null", "..", "%20")) {
			cases.add(new Case("GET", "/api/ideas/tracking/" + code, null, new String[0],
					"tracking " + abbreviate(code)));
			cases.add(new Case("POST", "/api/ideas/tracking/" + code + "/answer",
					"{\"answer\":\"x\"}".getBytes(StandardCharsets.UTF_8),
					new String[] { "Content-Type", "application/json" }, "answer " + abbreviate(code)));
		}
		// 6. headers
		for (String key : List.of("", " ", "k".repeat(101), "k".repeat(5000), "\u00e9t\u00e9", "a\tb")) {
			cases.add(post("Idempotency-Key " + abbreviate(key), VALID, "Content-Type", "application/json",
					"Idempotency-Key", key));
		}
		for (String language : List.of("", "*", "de;q=abc", "x".repeat(5000), "de-DE-1996-x-private,en;q=0.5", "zz",
				";;;", "\u00e9")) {
			cases.add(post("Accept-Language " + abbreviate(language), VALID, "Content-Type", "application/json",
					"Accept-Language", language));
		}
		for (String accept : List.of("application/xml", "text/html", "image/png", "*/*", "application/json;q=0",
				"nonsense")) {
			cases.add(post("Accept " + accept, VALID, "Content-Type", "application/json", "Accept", accept));
		}
		cases.add(post("a header line with a bare line feed", VALID, "Content-Type", "application/json", "X-Test",
				"a\nb"));
		return cases;
	}

	static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return printable.length() <= 40 ? printable : printable.substring(0, 40) + "... (" + text.length() + ")";
	}

}
