package city.ideatoservice.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An external juror's one-time link, as the juror's browser uses it: only the entries of
 * their batch, the same checks as the staff form (400 naming the entry and criterion),
 * once only (then a page that says so), nothing for a guessed link; EN and DE.
 */
@IdeaToServiceTest
class JuryPagesTest {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JuryFixture fixture;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	final MockHttpSession session = new MockHttpSession();

	String csrfToken = "none";

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
	}

	MockHttpServletResponse open(String token, String language) throws Exception {
		return mvc.perform(get("/jury/" + token).session(session).header("Accept-Language", language))
			.andReturn()
			.getResponse();
	}

	MockHttpServletResponse send(String token, Map<String, String> fields) throws Exception {
		Matcher csrf = CSRF.matcher(open(token, "en").getContentAsString());
		if (csrf.find()) {
			// the session's token, from the last page with the form
			csrfToken = csrf.group(1);
		}
		MockHttpServletRequestBuilder request = post("/jury/" + token).session(session)
			.header("Accept-Language", "en")
			.param("_csrf", csrfToken);
		fields.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	List<String> tokensOf(long jurorId) throws Exception {
		List<String> tokens = new java.util.ArrayList<>();
		for (Notification mail : notifications.findAll()) {
			if (Long.valueOf(jurorId).equals(mail.jurorId()) && mail.kind() == NotificationKind.JURY_INVITATION) {
				Map<String, String> parameters = json.readValue(mail.parameters(), new TypeReference<>() {
				});
				String link = parameters.get("link");
				tokens.add(link.substring(link.lastIndexOf('/') + 1));
			}
		}
		return tokens;
	}

	@Test
	void theLinkOpensOnlyTheJurorsBatchAndWorksOnce() throws Exception {
		JuryFixture.Made made = fixture.challenge("quiet streets").criterion("Impact", 60).criterion("Cost", 40);
		for (int i = 1; i <= 9; i++) {
			made.entry("Quiet idea " + i + "<b>", "Team " + i);
		}
		made.externalJuror("Erin Extern", "erin.extern@example.org");
		ProcessInstance instance = made.start();
		assertThat(instance).isWaitingAt("Task_WaitForExternalScores");
		List<String> tokens = tokensOf(made.jurors.get("Erin Extern").id());
		assertThat(tokens).as("one link per batch of at most 8 entries").hasSize(2);
		String first = tokens.get(0);

		MockHttpServletResponse page = open(first, "en");
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html)
			.contains("Score the entries", "Entry 1: Quiet idea 1&lt;b&gt;", "Entry 8: Quiet idea 8",
					"Impact (weight 60), 0 to 10", "I have a conflict of interest with this entry")
			.doesNotContain("Quiet idea 9");
		assertThat(open(first, "de").getContentAsString()).contains("Beiträge bewerten",
				"Ich habe bei diesem Beitrag einen Interessenkonflikt");
		assertThat(open(tokens.get(1), "en").getContentAsString()).contains("Entry 1: Quiet idea 9")
			.doesNotContain("Quiet idea 1&lt;");

		// a guessed link shows nothing
		MockHttpServletResponse guessed = open("A".repeat(43), "en");
		assertThat(guessed.getStatus()).isEqualTo(404);
		assertThat(guessed.getContentAsString()).contains("This link does not work").doesNotContain("Quiet idea");

		// the same checks as the staff form
		Map<String, String> scores = new java.util.HashMap<>();
		scores.put("entry0.conflict", "on");
		for (int i = 1; i < 8; i++) {
			scores.put("entry" + i + ".criterion1", "7");
			scores.put("entry" + i + ".criterion2", "5");
		}
		scores.put("entry3.criterion1", "11");
		MockHttpServletResponse outOfBounds = send(first, scores);
		assertThat(outOfBounds.getStatus()).isEqualTo(400);
		assertThat(outOfBounds.getContentAsString())
			.contains("Entry 4 (Quiet idea 4&lt;b&gt;): Impact must be a whole number from 0 to 10.");
		scores.put("entry3.criterion1", "");
		assertThat(send(first, scores).getContentAsString())
			.contains("Entry 4 (Quiet idea 4&lt;b&gt;): Impact is required (or declare a conflict of interest).");

		scores.put("entry3.criterion1", "10");
		MockHttpServletResponse sent = send(first, scores);
		assertThat(sent.getStatus()).isEqualTo(200);
		assertThat(sent.getContentAsString()).contains("Thank you: your scores are recorded");
		assertThat(jdbc.sql("""
				select count(*) from challenge_review r join challenge_entry e on e.id = r.entry_id
				where e.challenge_id = :challenge and r.conflict = true""")
			.param("challenge", made.challenge.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(engine.getRuntimeService()
			.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId("Task_WaitForExternalScores")
			.count()).as("the second batch still waits").isEqualTo(1);

		// once only
		MockHttpServletResponse again = open(first, "en");
		assertThat(again.getStatus()).isEqualTo(410);
		assertThat(again.getContentAsString()).contains("This link was already used or has expired")
			.doesNotContain("Quiet idea");
		assertThat(send(first, scores).getStatus()).isEqualTo(410);

		// an expired link
		jdbc.sql(
				"update challenge_score_sheet set token_expires_at = :past where challenge_id = :challenge and status = 'OPEN'")
			.param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
			.param("challenge", made.challenge.id())
			.update();
		assertThat(open(tokens.get(1), "en").getStatus()).isEqualTo(410);
	}

}
