package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.web.LoopbackClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's limits per client address, with the addresses as the server sees them:
 * several loopback addresses play several citizens. Low limits here; application.yml has
 * the real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:rate-limits-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=a-long-test-password",
				"idea-to-service.rate-limits.submissions.requests=3",
				"idea-to-service.rate-limits.submissions.per=PT1H", "idea-to-service.rate-limits.tracking.requests=5",
				"idea-to-service.rate-limits.tracking.per=PT1H" })
class RateLimitsTest {

	static final String IDEA = """
			{"title":"Shade on the main square","description":"Trees and benches","theme":"URBAN_PLANNING",\
			"reach":"DISTRICT"}""";

	@LocalServerPort
	int port;

	@Autowired
	IdeaRepository ideas;

	LoopbackClient citizenAt(String address) {
		return new LoopbackClient(port, address);
	}

	LoopbackClient.Response submit(LoopbackClient client, String... headers) throws Exception {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return client.post("/api/ideas", IDEA, all);
	}

	static void assertTooMany(LoopbackClient.Response response) {
		assertThat(response.status()).isEqualTo(429);
		assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":429").contains("Try again in");
	}

	@Test
	void aFourthIdeaWithinTheHourFromOneAddressWaitsAndOtherAddressesDoNot() throws Exception {
		LoopbackClient busy = citizenAt("127.0.0.2");
		for (int i = 0; i < 3; i++) {
			assertThat(submit(busy).status()).isEqualTo(201);
		}
		long ideasBefore = ideas.count();

		assertTooMany(submit(busy));
		assertThat(ideas.count()).isEqualTo(ideasBefore);
		// each of the two hundred requests of a script is refused the same way, and none
		// is written
		for (int i = 0; i < 20; i++) {
			assertThat(submit(busy).status()).isEqualTo(429);
		}
		assertThat(ideas.count()).isEqualTo(ideasBefore);

		assertThat(submit(citizenAt("127.0.0.3")).status()).isEqualTo(201);
	}

	@Test
	void anXForwardedForHeaderIsNotTrustedByDefault() throws Exception {
		LoopbackClient busy = citizenAt("127.0.0.4");
		for (int i = 0; i < 3; i++) {
			submit(busy);
		}

		assertTooMany(submit(busy, "X-Forwarded-For", "198.51.100.7"));
		assertTooMany(submit(busy, "X-Forwarded-For", "198.51.100.8", "X-Real-IP", "198.51.100.8"));
	}

	@Test
	void trackingCodesCannotBeGuessedFast() throws Exception {
		LoopbackClient guesser = citizenAt("127.0.0.5");
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.get("/api/ideas/tracking/AAAA-BBBB-CCCC-DD" + (10 + i)).status()).isEqualTo(404);
		}

		assertTooMany(guesser.get("/api/ideas/tracking/AAAA-BBBB-CCCC-DDEE"));
		// answers and withdrawals carry a tracking code too
		assertTooMany(guesser.post("/api/ideas/tracking/AAAA-BBBB-CCCC-DDEE/withdrawal", ""));
		assertTooMany(guesser.post("/api/ideas/tracking/AAAA-BBBB-CCCC-DDEE/answer", "{\"answer\":\"x\"}",
				"Content-Type", "application/json"));
		// another citizen follows their idea as usual
		assertThat(citizenAt("127.0.0.6").get("/api/ideas/tracking/AAAA-BBBB-CCCC-DDEE").status()).isEqualTo(404);
	}

	@Test
	void thePagesCountOnTheSameLimitsAndAnswerWithAPage() throws Exception {
		LoopbackClient guesser = citizenAt("127.0.0.7");
		for (int i = 0; i < 5; i++) {
			// refused for want of a CSRF token, and counted all the same
			assertThat(guesser
				.post("/track", "reference=IDEA-2026-000001&code=AAAA-BBBB-CCCC-DD" + (10 + i), "Content-Type",
						"application/x-www-form-urlencoded")
				.status()).isEqualTo(403);
		}
		LoopbackClient.Response refused = guesser.get("/track", "Accept-Language", "de");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.body()).contains("Zu viele Anfragen", "Bitte versuchen Sie es in");
		// the API shares the limit
		assertTooMany(guesser.get("/api/ideas/tracking/AAAA-BBBB-CCCC-DDEE"));
		assertThat(citizenAt("127.0.0.8").get("/track").status()).isEqualTo(200);

		LoopbackClient writer = citizenAt("127.0.0.9");
		for (int i = 0; i < 3; i++) {
			submit(writer);
		}
		LoopbackClient.Response page = writer.post("/submit", "title=x", "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.body()).contains("Too many requests");
	}

}
