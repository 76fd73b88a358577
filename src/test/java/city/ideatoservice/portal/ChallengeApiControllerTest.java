package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.challenge.Challenge;
import city.ideatoservice.challenge.ChallengeEntryRepository;
import city.ideatoservice.challenge.ChallengeFormat;
import city.ideatoservice.challenge.ChallengeStatus;
import city.ideatoservice.challenge.Challenges;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The challenges' public API as a participant uses it, and the engine's REST API as the
 * wrong and the right staff user try innovation-challenge.
 */
@IdeaToServiceTest
class ChallengeApiControllerTest {

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
	Challenges challenges;

	@Autowired
	ChallengeEntryRepository entries;

	@Autowired
	IdeaRepository ideas;

	Challenge challenge(String title, LocalDate opens, LocalDate closes, ChallengeStatus status) {
		Challenge defined = challenges.define(null,
				new Challenges.Definition(title, Theme.ENVIRONMENT, "Too little shade in summer.",
						ChallengeFormat.HACKATHON, opens, closes, "Bring your team for a weekend.", "inno",
						List.of(new Challenges.Prize(1, "Pilot money", new BigDecimal("3000.00"))),
						List.of(new Challenges.Juror("champ", "Chiara Amato", null, true)),
						List.of(new Challenges.Criterion("Impact", 100)), List.of()));
		return challenges.changeStatus(defined.id(), status, null, null);
	}

	static Map<String, Object> entry(String title) {
		Map<String, Object> idea = new LinkedHashMap<>();
		idea.put("title", title);
		idea.put("description", "Trees and water along the school route.");
		idea.put("theme", "ENVIRONMENT");
		idea.put("reach", "DISTRICT");
		idea.put("email", "team@example.org");
		idea.put("privacyConsent", true);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idea", idea);
		body.put("teamName", "Shade makers");
		return body;
	}

	ResultActions postEntry(String reference, Object body) throws Exception {
		return mvc
			.perform(post("/api/challenges/{reference}/entries", reference).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)));
	}

	@Test
	void anOpenChallengeIsListedAndTakesEntriesLinkedToItWithoutStartingTheIdeaProcess() throws Exception {
		Challenge open = challenge("Cool streets", LocalDate.now(), LocalDate.now().plusDays(10), ChallengeStatus.OPEN);
		Challenge draft = challenge("Secret draft", LocalDate.now(), LocalDate.now().plusDays(10),
				ChallengeStatus.DRAFT);

		mvc.perform(get("/api/challenges"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].reference", hasItem(open.reference())))
			.andExpect(jsonPath("$[*].reference", not(hasItem(draft.reference()))));
		mvc.perform(get("/api/challenges/{reference}", open.reference()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.takesEntries").value(true))
			.andExpect(jsonPath("$.opensOn").value(LocalDate.now().toString()))
			.andExpect(jsonPath("$.prizes[0].description").value("Pilot money"))
			.andExpect(jsonPath("$.criteria[0].weight").value(100));
		mvc.perform(get("/api/challenges/{reference}", draft.reference())).andExpect(status().isNotFound());

		String answer = postEntry(open.reference(), entry("Shade for the school route")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.challenge").value(open.reference()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode body = json.readTree(answer);
		assertThat(body.path("trackingCode").asText()).isNotBlank();
		String reference = body.path("reference").asText();
		var idea = ideas.findByReference(reference).orElseThrow();
		assertThat(entries.findByIdeaId(idea.id())).get()
			.satisfies(e -> assertThat(e.challengeId()).isEqualTo(open.id()))
			.satisfies(e -> assertThat(e.teamName()).isEqualTo("Shade makers"));
		assertThat(support.instance(reference)).as("the jury judges it; no screening").isNull();
	}

	@Test
	void entriesBeforeOrAfterTheWindowAreRefusedAndNothingIsStored() throws Exception {
		Challenge later = challenge("Later", LocalDate.now().plusDays(5), LocalDate.now().plusDays(10),
				ChallengeStatus.PUBLISHED);
		Challenge over = challenge("Over", LocalDate.now(), LocalDate.now().plusDays(1), ChallengeStatus.JUDGING);
		long before = entries.count();
		long ideasBefore = ideas.count();

		postEntry(later.reference(), entry("Too early")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("has not opened yet")));
		postEntry(over.reference(), entry("Too late")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("window is closed")));
		postEntry("CH-0000-0000", entry("Nowhere")).andExpect(status().isNotFound());
		Map<String, Object> noTitle = entry("x");
		((Map<?, ?>) noTitle.get("idea")).remove("title");
		Challenge open = challenge("Open", LocalDate.now(), LocalDate.now().plusDays(3), ChallengeStatus.OPEN);
		postEntry(open.reference(), noTitle).andExpect(status().isBadRequest());

		assertThat(entries.count()).isEqualTo(before);
		assertThat(ideas.count()).isEqualTo(ideasBefore);
	}

	@Test
	void overTheEngineRestApiOnlyTheInnovationOfficeStartsAndDefinesAChallenge() throws Exception {
		support.ensureUser("inno-rest", "innovation-office");
		support.ensureUser("cora-rest", "communications");
		String start = "/engine-rest/process-definition/key/" + ProcessKeys.INNOVATION_CHALLENGE + "/submit-form";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		HttpEntity<String> empty = new HttpEntity<>("{}", headers);

		assertThat(http.postForEntity(start, empty, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("cora-rest", "password-cora-rest")
			.postForEntity(start, empty, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> started = http.withBasicAuth("inno-rest", "password-inno-rest")
			.postForEntity(start, empty, String.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = json.readTree(started.getBody()).path("id").asText();
		String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		String submit = "/engine-rest/task/" + taskId + "/submit-form";

		String form = """
				{"variables": {"challengeTitle": {"value": "Cool streets"}, "challengeSector": {"value": "ENVIRONMENT"},
				 "problemStatement": {"value": "Too hot"}, "challengeFormat": {"value": "HACKATHON"},
				 "opensOn": {"value": "%s"}, "closesOn": {"value": "%s"}, "publicText": {"value": "Come"}%s}}
				""";
		String dates = LocalDate.now().toString();
		ResponseEntity<String> wrongGroup = http.withBasicAuth("cora-rest", "password-cora-rest")
			.postForEntity(submit, new HttpEntity<>(form.formatted(dates, dates, ""), headers), String.class);
		assertThat(wrongGroup.getStatusCode().value()).isIn(403, 404);
		ResponseEntity<String> forbiddenField = http.withBasicAuth("inno-rest", "password-inno-rest")
			.postForEntity(submit,
					new HttpEntity<>(form.formatted(dates, dates, ", \"challengeId\": {\"value\": 1}"), headers),
					String.class);
		assertThat(forbiddenField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(forbiddenField.getBody()).contains("is not a field of the form");
		assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);
	}

	@Test
	void theChallengePageShowsRulesWindowAndPrizesAndTakesEntriesOnlyWhileOpen() throws Exception {
		Challenge open = challenge("Shady squares", LocalDate.now(), LocalDate.now().plusDays(10),
				ChallengeStatus.OPEN);
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		String list = mvc.perform(get("/challenges").session(session).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Shady squares").contains("Offen für Beiträge");
		String page = mvc.perform(get("/challenges/{r}", open.reference()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Bring your team for a weekend.")
			.contains("Pilot money")
			.contains("datetime=\"" + LocalDate.now() + "\"")
			.contains("name=\"teamName\"");
		String csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page)
			.results()
			.findFirst()
			.orElseThrow()
			.group(1);
		mvc.perform(post("/challenges/{r}/enter", open.reference()).session(session)
			.param("_csrf", csrf)
			.param("title", "Water fountains")
			.param("description", "Fountains on every square.")
			.param("theme", "ENVIRONMENT")
			.param("reach", "DISTRICT")
			.param("teamName", "Fountain friends")
			.param("consent", "true")).andExpect(status().is3xxRedirection());
		assertThat(challenges.entries(open.id())).hasSize(1)
			.first()
			.satisfies(e -> assertThat(e.teamName()).isEqualTo("Fountain friends"));

		challenges.changeStatus(open.id(), ChallengeStatus.JUDGING, null, null);
		String refused = mvc
			.perform(post("/challenges/{r}/enter", open.reference()).session(session)
				.param("_csrf", csrf)
				.param("title", "Too late")
				.param("description", "After the close.")
				.param("theme", "ENVIRONMENT")
				.param("reach", "DISTRICT")
				.param("consent", "true"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("takes no entries now");
		assertThat(challenges.entries(open.id())).hasSize(1);
		String closed = mvc.perform(get("/challenges/{r}", open.reference()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(closed).contains("The submission window is closed.").doesNotContain("name=\"teamName\"");
	}

}
