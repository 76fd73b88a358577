package city.ideatoservice.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A staff juror's scoring task through the engine's generic REST API, as Tasklist sends
 * it (submit-form, the sheet as a Json variable): another juror and a staff user of
 * another group neither read nor complete it; the juror cannot write fields the form does
 * not offer (ranking, winner), nor scores out of bounds.
 */
@IdeaToServiceTest
class JuryRestTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	JuryFixture fixture;

	@Autowired
	ObjectMapper json;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		support.ensureUser("juror-dana", "dept-culture");
		support.ensureUser("juror-eli", "dept-culture");
		support.ensureUser("finance-fay", "finance");
	}

	ResponseEntity<String> call(String user, HttpMethod method, String uri, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth(user, "password-" + user)
			.exchange(uri, method, new HttpEntity<>(body, headers), String.class);
	}

	Map<String, Object> form(List<Map<String, Object>> sheet, Map<String, Object> extra) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(JuryVariables.SCORE_SHEET, Map.of("type", "Json", "value", json.writeValueAsString(sheet)));
		extra.forEach((key, value) -> variables.put(key, Map.of("value", value)));
		return Map.of("variables", variables);
	}

	@Test
	void onlyTheJurorScoresTheirSheetAndOnlyItsFields() throws Exception {
		JuryFixture.Made made = fixture.challenge("read more")
			.criterion("Originality", 100)
			.staffJuror("juror-dana", true)
			.staffJuror("juror-eli", false)
			.entry("Book swaps", null)
			.entry("Reading benches", null);
		made.start();
		Task dana = support.tasks(made.reference(), "Task_ScoreEntries")
			.stream()
			.filter(task -> "juror-dana".equals(task.getAssignee()))
			.findFirst()
			.orElseThrow();
		String uri = "/engine-rest/task/" + dana.getId();
		// as Tasklist sends a dynamic list: without its disabled fields (title, team,
		// ...)
		List<Map<String, Object>> sheet = new ArrayList<>();
		for (Map<String, Object> entry : ChallengeJudgingProcessTest.filledIn(engine, dana, new int[] { 8 }, null)) {
			Map<String, Object> sent = new LinkedHashMap<>(entry);
			sent.keySet()
				.removeAll(List.of(JuryVariables.ENTRY_TITLE, JuryVariables.TEAM_NAME, JuryVariables.IDEA_REFERENCE,
						"ideaDescription"));
			sheet.add(sent);
		}

		// another juror of the same jury, and a staff user of another group
		for (String other : List.of("juror-eli", "finance-fay")) {
			assertThat(call(other, HttpMethod.GET, uri, null).getStatusCode().value()).as(other).isEqualTo(404);
			assertThat(call(other, HttpMethod.GET, uri + "/form-variables", null).getStatusCode().value()).as(other)
				.isIn(403, 404);
			assertThat(
					call(other, HttpMethod.POST, uri + "/submit-form", form(sheet, Map.of())).getStatusCode().value())
				.as(other)
				.isIn(403, 404);
		}
		assertThat(call("juror-dana", HttpMethod.GET, uri, null).getStatusCode().value()).isEqualTo(200);

		// fields the form does not offer
		ResponseEntity<String> extra = call("juror-dana", HttpMethod.POST, uri + "/submit-form",
				form(sheet, Map.of("ranking", 1, "winner", true)));
		assertThat(extra.getStatusCode().value()).isEqualTo(400);
		assertThat(extra.getBody()).contains("is not a field of the form");

		// out of bounds, named by the criterion's label
		List<Map<String, Object>> tooHigh = new ArrayList<>(sheet);
		Map<String, Object> first = new LinkedHashMap<>(tooHigh.get(0));
		first.put(JuryVariables.criterion(1), 12);
		tooHigh.set(0, first);
		ResponseEntity<String> refused = call("juror-dana", HttpMethod.POST, uri + "/submit-form",
				form(tooHigh, Map.of()));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).contains("Originality (weight 100) must be at most 10");

		ResponseEntity<String> scored = call("juror-dana", HttpMethod.POST, uri + "/submit-form",
				form(sheet, Map.of()));
		assertThat(scored.getStatusCode().value()).as("%s", scored.getBody()).isEqualTo(204);
		assertThat(support.tasks(made.reference(), "Task_ScoreEntries")).extracting(Task::getAssignee)
			.containsExactly("juror-eli");
		assertThat(jdbc.sql("""
				select count(*) from challenge_review r join challenge_entry e on e.id = r.entry_id
				where e.challenge_id = :challenge and r.conflict = true""")
			.param("challenge", made.challenge.id())
			.query(Integer.class)
			.single()).as("dana's declared conflict").isEqualTo(1);
	}

}
