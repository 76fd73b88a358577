package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The portal API as a citizen uses it and a careful reviewer probes it: full application,
 * real engine. The engine REST API is checked over a real HTTP port (it is a Jersey
 * servlet, not MVC).
 */
@IdeaToServiceTest
class IdeaApiControllerTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaRepository ideaRepository;

	@Autowired
	CitizenRepository citizenRepository;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
	}

	// ---- helpers

	static Map<String, Object> validIdea() {
		Map<String, Object> idea = new LinkedHashMap<>();
		idea.put("title", "Bike lanes on the ring road");
		idea.put("description", "Protected bike lanes between the north and the east gate.");
		idea.put("theme", "MOBILITY");
		idea.put("reach", "CITY");
		idea.put("name", "Ana Citizen");
		idea.put("email", "ana@example.org");
		idea.put("privacyConsent", true);
		return idea;
	}

	static Map<String, Object> with(String field, Object value) {
		Map<String, Object> idea = validIdea();
		idea.put(field, value);
		return idea;
	}

	static Map<String, Object> without(String field) {
		Map<String, Object> idea = validIdea();
		idea.remove(field);
		return idea;
	}

	ResultActions postIdea(Object body) throws Exception {
		return mvc.perform(post("/api/ideas").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body instanceof String text ? text : json.writeValueAsString(body)));
	}

	ResultActions postIdea(Object body, String idempotencyKey) throws Exception {
		return mvc.perform(post("/api/ideas").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", idempotencyKey)
			.content(json.writeValueAsString(body)));
	}

	JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString());
	}

	/** Submits a valid idea and answers its tracking code and reference. */
	String[] submit(Map<String, Object> idea) throws Exception {
		JsonNode created = body(postIdea(idea).andExpect(status().isCreated()).andReturn());
		return new String[] { created.get("trackingCode").asText(), created.get("reference").asText() };
	}

	ResultActions track(String code) throws Exception {
		return mvc.perform(get("/api/ideas/tracking/{code}", code).accept(MediaType.APPLICATION_JSON));
	}

	ResultActions answer(String code, Object answer) throws Exception {
		return mvc.perform(post("/api/ideas/tracking/{code}/answer", code).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(answer)));
	}

	ResultActions withdraw(String code) throws Exception {
		return mvc.perform(post("/api/ideas/tracking/{code}/withdrawal", code).accept(MediaType.APPLICATION_JSON));
	}

	long ideaInstances() {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ProcessKeys.IDEA_TO_SERVICE)
			.count();
	}

	void ask(String reference, String question) {
		support.complete(reference, "Task_ScreenIdea", Map.of("screeningDecision", "ASK", "category", "MOBILITY",
				"priority", "HIGH", "questionToCitizen", question));
	}

	/**
	 * A rejected submission answers 400 problem+json naming the problem, and writes
	 * nothing.
	 */
	JsonNode rejected(Object body, String... expectedInDetail) throws Exception {
		long ideasBefore = ideaRepository.count();
		long citizensBefore = citizenRepository.count();
		long instancesBefore = ideaInstances();
		MvcResult result = postIdea(body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn();
		JsonNode problem = body(result);
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		for (String expected : expectedInDetail) {
			assertThat(problem.path("detail").asText()).as("detail of %s", problem).contains(expected);
		}
		assertThat(ideaRepository.count()).as("idea rows").isEqualTo(ideasBefore);
		assertThat(citizenRepository.count()).as("citizen rows").isEqualTo(citizensBefore);
		assertThat(ideaInstances()).as("process instances").isEqualTo(instancesBefore);
		return problem;
	}

	// ---- submission

	@Test
	void aValidIdeaIsAcceptedAndItsProcessWaitsForScreening() throws Exception {
		long ideasBefore = ideaRepository.count();

		MvcResult result = postIdea(validIdea()).andExpect(status().isCreated())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.reference").value(matchesPattern("IDEA-" + Year.now() + "-\\d{6}")))
			.andExpect(jsonPath("$.trackingCode").value(matchesPattern("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}")))
			.andExpect(jsonPath("$.status").value("IN_REVIEW")) // screening starts in the
																// same transaction
			.andExpect(jsonPath("$.message").value(notNullValue()))
			.andReturn();

		JsonNode created = body(result);
		String reference = created.get("reference").asText();
		String code = created.get("trackingCode").asText();
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/ideas/tracking/" + code);
		assertThat(ideaRepository.count()).isEqualTo(ideasBefore + 1);
		ProcessInstance instance = support.instance(reference);
		assertThat(instance).isNotNull();
		assertThat(instance.getBusinessKey()).isEqualTo(reference);
		assertThat(instance).isWaitingAt("CallActivity_ScreenIdea");
		assertThat(support.instance(reference, ProcessKeys.IDEA_SCREENING)).isWaitingAt("Task_ScreenIdea");
		assertThat(instance).variables()
			.containsEntry("ideaReference", reference)
			.containsEntry("ideaTitle", "Bike lanes on the ring road")
			.containsEntry("ideaChannel", "PORTAL")
			.doesNotContainKeys("submitterName", "submitterEmail");
		// the tracking code is stored only as a hash
		assertThat(ideaRepository.findByReference(reference).orElseThrow().toString()).doesNotContain(code);
	}

	@Test
	void aMissingTitleIsRefusedAndNothingIsWritten() throws Exception {
		rejected(without("title"), "title", "Please give your idea a title.");
		rejected(with("title", "   "), "Please give your idea a title.");
	}

	@Test
	void aTooLongTitleIsRefusedAndNothingIsWritten() throws Exception {
		JsonNode problem = rejected(with("title", "x".repeat(121)), "The title can have at most 120 characters.");
		assertThat(problem.path("errors").toString()).contains("title");
		// the limit itself is fine
		postIdea(with("title", "x".repeat(120))).andExpect(status().isCreated());
	}

	@Test
	void aTitleWithALineBreakIsRefusedAndNothingIsWritten() throws Exception {
		rejected(with("title", "Bike lanes\nBcc: victim@example.org"), "The title must be a single line of text.");
		rejected(with("title", "Bike lanes\rBcc: victim@example.org"), "The title must be a single line of text.");
		rejected(with("title", "Bike lanes\r\n"), "The title must be a single line of text.");
	}

	@Test
	void aTooLongDescriptionIsRefusedAndNothingIsWritten() throws Exception {
		rejected(with("description", "x".repeat(4001)), "The description can have at most 4000 characters.");
		rejected(without("description"), "Please describe your idea.");
	}

	@Test
	void anUnknownThemeIsRefusedWithTheAllowedValuesAndNothingIsWritten() throws Exception {
		rejected(with("theme", "SPACE_TRAVEL"), "MOBILITY", "ENVIRONMENT", "SOCIAL", "URBAN_PLANNING", "CULTURE",
				"OTHER");
		rejected(without("theme"), "Please choose a theme");
		rejected("{\"title\": \"Bike lanes\", ", "not valid JSON");
	}

	@Test
	void aBadEmailIsRefusedAndNothingIsWritten() throws Exception {
		rejected(with("email", "not-an-address"), "Please give an e-mail address like name@example.org.");
		rejected(with("email", "ana@example.org\r\nBcc: victim@example.org"),
				"Please give an e-mail address like name@example.org.");
	}

	@Test
	void everyProblemOfOneRequestIsNamed() throws Exception {
		Map<String, Object> idea = validIdea();
		idea.put("title", "");
		idea.put("description", "x".repeat(4001));
		idea.put("email", "nope");
		JsonNode problem = rejected(idea, "Please give your idea a title.",
				"The description can have at most 4000 characters.",
				"Please give an e-mail address like name@example.org.");
		assertThat(problem.path("errors")).hasSize(3);
	}

	@Test
	void htmlIsKeptAsTypedTextAndNeverInterpreted() throws Exception {
		Map<String, Object> idea = validIdea();
		idea.put("title", SCRIPT);
		idea.put("description", "<b>bold</b> & <img src=x onerror=alert(1)> " + SCRIPT);
		String[] submitted = submit(idea);

		MvcResult result = track(submitted[0]).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.title").value(SCRIPT))
			.andExpect(jsonPath("$.description").value("<b>bold</b> & <img src=x onerror=alert(1)> " + SCRIPT))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains(SCRIPT);
		assertThat(ideaRepository.findByReference(submitted[1]).orElseThrow().title()).isEqualTo(SCRIPT);
		assertThat(support.instance(submitted[1])).variables().containsEntry("ideaTitle", SCRIPT);
	}

	// ---- idempotency

	@Test
	void theSameIdempotencyKeyTwiceGivesOneIdeaAndTheSameAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		long ideasBefore = ideaRepository.count();
		long instancesBefore = ideaInstances();

		JsonNode first = body(postIdea(validIdea(), key).andExpect(status().isCreated()).andReturn());
		// the answer to the first request was lost: the repeat gets it again, tracking
		// code included
		MvcResult again = postIdea(validIdea(), key).andExpect(status().isCreated())
			.andExpect(jsonPath("$.reference").value(first.get("reference").asText()))
			.andExpect(jsonPath("$.trackingCode").value(first.get("trackingCode").asText()))
			.andReturn();

		assertThat(again.getResponse().getHeader("Location"))
			.isEqualTo("/api/ideas/tracking/" + first.get("trackingCode").asText());
		assertThat(ideaRepository.count()).isEqualTo(ideasBefore + 1);
		assertThat(ideaInstances()).isEqualTo(instancesBefore + 1);
		// neither the key nor the code is kept in clear
		assertThat(ideaRepository.findByReference(first.get("reference").asText()).orElseThrow().toString())
			.doesNotContain(key)
			.doesNotContain(first.get("trackingCode").asText());
	}

	@Test
	void anIdempotencyKeyUsedForAnotherIdeaIsRefused() throws Exception {
		String key = UUID.randomUUID().toString();
		JsonNode first = body(postIdea(validIdea(), key).andExpect(status().isCreated()).andReturn());
		long ideasBefore = ideaRepository.count();

		MvcResult other = postIdea(with("title", "Another idea"), key).andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Use a new key for every new idea")))
			.andReturn();

		assertThat(other.getResponse().getContentAsString()).doesNotContain(first.get("trackingCode").asText())
			.doesNotContain(first.get("reference").asText());
		assertThat(ideaRepository.count()).isEqualTo(ideasBefore);
	}

	@Test
	void differentIdempotencyKeysGiveTwoIdeas() throws Exception {
		long ideasBefore = ideaRepository.count();

		JsonNode first = body(
				postIdea(validIdea(), UUID.randomUUID().toString()).andExpect(status().isCreated()).andReturn());
		JsonNode second = body(
				postIdea(validIdea(), UUID.randomUUID().toString()).andExpect(status().isCreated()).andReturn());

		assertThat(second.get("reference").asText()).isNotEqualTo(first.get("reference").asText());
		assertThat(second.get("trackingCode").asText()).isNotEqualTo(first.get("trackingCode").asText());
		assertThat(ideaRepository.count()).isEqualTo(ideasBefore + 2);
	}

	@Test
	void aTooLongIdempotencyKeyIsRefusedInWords() throws Exception {
		long ideasBefore = ideaRepository.count();

		postIdea(validIdea(), "k".repeat(101)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));

		assertThat(ideaRepository.count()).isEqualTo(ideasBefore);
	}

	// ---- tracking

	@Test
	void theTrackingCodeShowsTheIdeaAndItsHistory() throws Exception {
		String[] submitted = submit(validIdea());

		MvcResult result = track(submitted[0]).andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value(submitted[1]))
			.andExpect(jsonPath("$.title").value("Bike lanes on the ring road"))
			.andExpect(jsonPath("$.theme").value("MOBILITY"))
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.submittedAt").value(notNullValue()))
			.andExpect(jsonPath("$.openQuestion").doesNotExist())
			.andExpect(jsonPath("$.history", hasSize(2)))
			.andExpect(jsonPath("$.history[*].status", contains("SUBMITTED", "IN_REVIEW")))
			.andExpect(jsonPath("$.history[0].at").value(notNullValue()))
			.andExpect(jsonPath("$.history[1].at").value(notNullValue()))
			.andReturn();

		// no personal data on a page that only needs the code
		assertThat(result.getResponse().getContentAsString()).doesNotContain("ana@example.org")
			.doesNotContain("Ana Citizen");
		// a code read from paper may be typed in lower case
		track(submitted[0].toLowerCase()).andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value(submitted[1]));
	}

	@Test
	void anUnknownTrackingCodeLooksLikeAnyOtherUnknownCode() throws Exception {
		submit(validIdea());
		String[] codes = { "ABCD-EFGH-JKMN-PQRS", "XXXX", "A".repeat(41), "A".repeat(500), "IDEA-2026-000001" };

		JsonNode first = null;
		for (String code : codes) {
			MvcResult result = track(code).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(IdeaApiController.NOT_FOUND))
				.andReturn();
			JsonNode problem = ((com.fasterxml.jackson.databind.node.ObjectNode) body(result)).without("instance");
			if (first == null) {
				first = problem;
			}
			assertThat(problem).as("404 for %s", code).isEqualTo(first);
		}
		// the same for the answer and the withdrawal
		answer("ABCD-EFGH-JKMN-PQRS", Map.of("answer", "Hello")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(IdeaApiController.NOT_FOUND));
		withdraw("A".repeat(500)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(IdeaApiController.NOT_FOUND));
	}

	// ---- the screener's question

	@Test
	void theCitizenAnswersTheScreenersQuestionOnce() throws Exception {
		String[] submitted = submit(validIdea());
		String code = submitted[0];
		String reference = submitted[1];
		answer(code, Map.of("answer", "Too early")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("no open question")));

		ask(reference, "Which streets exactly?");
		assertThat(screening(reference)).isWaitingAt("Gateway_AwaitAnswer");
		track(code).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andExpect(jsonPath("$.openQuestion").value("Which streets exactly?"));

		answer(code, Map.of("answer", "   ")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Please write your answer.")));
		answer(code, Map.of()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Please write your answer.")));
		answer(code, Map.of("answer", "x".repeat(4001))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("at most 4000 characters")));
		assertThat(screening(reference)).isWaitingAt("Gateway_AwaitAnswer");

		answer(code, Map.of("answer", "  The ring road between the north and the east gate.  "))
			.andExpect(status().isAccepted());

		assertThat(screening(reference)).isWaitingAt("Task_ScreenIdea");
		assertThat(screening(reference)).variables()
			.containsEntry("citizenAnswer", "The ring road between the north and the east gate.");
		track(code).andExpect(jsonPath("$.openQuestion").doesNotExist())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"));

		answer(code, Map.of("answer", "And the south gate.")).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("no open question")));
		assertThat(screening(reference)).variables()
			.containsEntry("citizenAnswer", "The ring road between the north and the east gate.");
	}

	ProcessInstance screening(String reference) {
		return support.instance(reference, ProcessKeys.IDEA_SCREENING);
	}

	@Test
	void anAnswerAfterWithdrawalIsRefusedAndNotKept() throws Exception {
		String[] submitted = submit(validIdea());
		ask(submitted[1], "Which streets exactly?");
		withdraw(submitted[0]).andExpect(status().isAccepted());

		answer(submitted[0], Map.of("answer", "Too late")).andExpect(status().isConflict());
		track(submitted[0]).andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.openQuestion").doesNotExist());
	}

	// ---- withdrawal

	@Test
	void theCitizenWithdrawsTheIdeaOnce() throws Exception {
		String[] submitted = submit(validIdea());
		String code = submitted[0];
		String reference = submitted[1];

		withdraw(code).andExpect(status().isAccepted());

		assertThat(support.instance(reference)).isNull();
		assertThat(engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("idea-to-service")
			.processInstanceBusinessKey(reference)
			.singleResult()
			.getEndTime()).isNotNull();
		assertThat(support.openTasks(reference)).isEmpty();
		track(code).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.history[*].status", contains("SUBMITTED", "IN_REVIEW", "WITHDRAWN")))
			.andExpect(jsonPath("$.history[2].reason").value(notNullValue()));

		withdraw(code).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("can no longer be withdrawn")));
		track(code).andExpect(jsonPath("$.history", hasSize(3)));
	}

	// ---- the engine's REST API

	@Test
	void theEngineRestApiRequiresAuthentication() throws Exception {
		// over a real port: the REST API is a Jersey servlet, outside MockMvc's
		// DispatcherServlet
		ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/task", String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

		ResponseEntity<String> admin = http.withBasicAuth("admin", "a-long-test-password")
			.getForEntity("/engine-rest/task", String.class);
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);

		// last: a wrong password locks the user for a few seconds (Camunda's login
		// throttling)
		ResponseEntity<String> wrongPassword = http.withBasicAuth("admin", "wrong-password")
			.getForEntity("/engine-rest/task", String.class);
		assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		// MockMvc runs the registered filter too
		mvc.perform(get("/engine-rest/task")).andExpect(status().isUnauthorized());
	}

	@Test
	void theProblemsListEveryErrorAsWords() throws Exception {
		postIdea(without("reach")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasItem(containsString("Please say who would benefit"))));
	}

	@Autowired
	city.ideatoservice.partner.Partners partners;

	@Autowired
	city.ideatoservice.commitment.PublicCommitmentRepository commitments;

	@Test
	void theIdeasPublicPartnersAndCommitmentsAreShownWithoutTheirContacts() throws Exception {
		String[] submitted = submit(validIdea());
		partners.join(submitted[1], List.of(
				Map.of("organisation", "University of the City", "kind", "UNIVERSITY", "role", "Measures the traffic",
						"contactPerson", "Uma Ulrich", "email", "uma@uni.example", "publicListing", true),
				Map.of("organisation", "A private sponsor", "kind", "ENTREPRENEUR", "role", "Pays the paint",
						"contactPerson", "Pat", "email", "pat@example.org", "publicListing", false)));
		commitments.save(new city.ideatoservice.commitment.PublicCommitment(null,
				ideaRepository.findByReference(submitted[1]).orElseThrow().id(),
				city.ideatoservice.commitment.PublicCommitment.Moment.EVENT, "Maria Rossi", "Deputy Mayor for Mobility",
				java.time.LocalDate.of(2027, 3, 1), "Lanes on two school routes by June.", java.time.Instant.now()));

		MvcResult result = track(submitted[0]).andExpect(status().isOk())
			.andExpect(jsonPath("$.partners", hasSize(1)))
			.andExpect(jsonPath("$.partners[0].organisation").value("University of the City"))
			.andExpect(jsonPath("$.partners[0].kind").value("UNIVERSITY"))
			.andExpect(jsonPath("$.partners[0].role").value("Measures the traffic"))
			.andExpect(jsonPath("$.commitments[0].moment").value("EVENT"))
			.andExpect(jsonPath("$.commitments[0].sponsorName").value("Maria Rossi"))
			.andExpect(jsonPath("$.commitments[0].sponsorOffice").value("Deputy Mayor for Mobility"))
			.andExpect(jsonPath("$.commitments[0].commitmentDate").value("2027-03-01"))
			.andExpect(jsonPath("$.commitments[0].promise").value("Lanes on two school routes by June."))
			.andReturn();

		assertThat(result.getResponse().getContentAsString()).doesNotContain("uma@uni.example")
			.doesNotContain("Uma Ulrich")
			.doesNotContain("A private sponsor")
			.doesNotContain("\"id\"")
			.doesNotContain("ideaId");
	}

}
