package city.ideatoservice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import city.ideatoservice.organisation.Groups;
import city.ideatoservice.web.LoopbackClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logins as an attacker and as the account's owner try them, over a real port, each at
 * their own loopback address: a guesser is slowed down and never locks the owner out for
 * long; only the administrator may check another user's password; passwords follow the
 * policy; metrics need an operator. Lower limits than application.yml, so that the waits
 * of the engine's lockout take a second here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"camunda.bpm.job-execution.enabled=false", "spring.datasource.url=jdbc:h2:mem:accounts-test;DB_CLOSE_DELAY=-1",
		"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=" + AccountsTest.ADMIN_PASSWORD,
		"camunda.bpm.generic-properties.properties.enable-password-policy=true",
		"camunda.bpm.generic-properties.properties.login-delay-max-time=1",
		"idea-to-service.rate-limits.failed-logins.requests=6", "idea-to-service.rate-limits.failed-logins.per=PT1H",
		"idea-to-service.rate-limits.login-delay.free-failures=2",
		"idea-to-service.rate-limits.login-delay.first=PT30S", "idea-to-service.rate-limits.login-delay.max=PT5M" })
class AccountsTest {

	static final String ADMIN_PASSWORD = "Str0ng&Secret-99";

	/**
	 * Follows the policy: ten characters, upper and lower case, a digit, a special
	 * character.
	 */
	static final String PASSWORD = "Tr0ub4dor&3x!";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	LoopbackClient at(String address) {
		return new LoopbackClient(port, address);
	}

	void user(String id, String... groups) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setPassword(PASSWORD);
			identityService.saveUser(user);
		}
		for (String group : groups) {
			if (identityService.createGroupQuery().groupId(group).count() == 0) {
				identityService.saveGroup(identityService.newGroup(group));
			}
			identityService.createMembership(id, group);
		}
	}

	int failedAttempts(String id) {
		return ((UserEntity) identityService.createUserQuery().userId(id).singleResult()).getAttempts();
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	LoopbackClient.Response tasks(LoopbackClient client, String user, String password) throws Exception {
		return client.get("/engine-rest/task", "Authorization", basic(user, password));
	}

	// ---- a guesser

	@Test
	void aGuesserAtOneAddressIsSlowedDownAndTheOwnerLogsInFromTheirs() throws Exception {
		user("vera");
		LoopbackClient guesser = at("127.0.0.20");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			// a guess every 1.1 s: after the engine's one-second lockout of the last
			// wrong guess
			Thread.sleep(1100);
			LoopbackClient.Response answer = tasks(guesser, "vera", "guess-" + i);
			statuses.add(answer.status());
			if (answer.status() == 429) {
				assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 30L);
				assertThat(answer.body()).contains("Too many failed logins");
			}
		}

		assertThat(statuses).containsExactly(401, 401, 429, 429, 429, 429, 429, 429, 429, 429);
		// the refused guesses never reached the engine: they did not prolong its lockout
		// of vera
		assertThat(failedAttempts("vera")).isEqualTo(2);
		LoopbackClient owner = at("127.0.0.21");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> tasks(owner, "vera", PASSWORD).status() == 200);
		assertThat(failedAttempts("vera")).isZero();
		// the guesser still waits
		assertThat(tasks(guesser, "vera", "guess-10").status()).isEqualTo(429);
	}

	@Test
	void theEnginesLockoutNeverLastsLongerThanItsLongestWait() throws Exception {
		user("lena");
		// twelve wrong passwords, one from each of twelve addresses, each after the
		// engine's wait of a second:
		// more than the engine's default ten that lock an account until an administrator
		// unlocks it
		for (int i = 0; i < 12; i++) {
			LoopbackClient guesser = at("127.0.1." + (10 + i));
			int attemptsBefore = failedAttempts("lena");
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
				assertThat(tasks(guesser, "lena", "guess").status()).isEqualTo(401);
				return failedAttempts("lena") > attemptsBefore;
			});
		}
		assertThat(failedAttempts("lena")).isGreaterThanOrEqualTo(12);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> tasks(at("127.0.0.22"), "lena", PASSWORD).status() == 200);
	}

	@Test
	void oneAddressTryingManyUsersIsStopped() throws Exception {
		user("mira");
		LoopbackClient sprayer = at("127.0.0.30");
		for (int i = 0; i < 6; i++) {
			assertThat(tasks(sprayer, "user" + i, "password-" + i).status()).isEqualTo(401);
		}

		LoopbackClient.Response next = tasks(sprayer, "mira", "guess");
		assertThat(next.status()).isEqualTo(429);
		assertThat(next.body()).contains("from your address");
		assertThat(failedAttempts("mira")).isZero();
		assertThat(tasks(at("127.0.0.31"), "mira", PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void theTasklistLoginIsThrottledLikeTheRestApi() throws Exception {
		user("tina", Groups.INNOVATION_OFFICE);
		LoopbackClient guesser = at("127.0.0.40");

		assertThat(webappLogin(guesser, "tina", "guess-1").status()).isEqualTo(401);
		Thread.sleep(1100);
		assertThat(webappLogin(guesser, "tina", "guess-2").status()).isEqualTo(401);
		Thread.sleep(1100);
		LoopbackClient.Response third = webappLogin(guesser, "tina", "guess-3");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.header("Retry-After")).isNotNull();
		assertThat(failedAttempts("tina")).isEqualTo(2);

		LoopbackClient owner = at("127.0.0.41");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> webappLogin(owner, "tina", PASSWORD).status() == 200);
	}

	/** As the login page does it: a session and its CSRF token first, then the form. */
	LoopbackClient.Response webappLogin(LoopbackClient client, String user, String password) throws Exception {
		LoopbackClient.Response page = client.get("/camunda/app/tasklist/default/");
		String token = page.header("X-XSRF-TOKEN");
		String cookies = String.join("; ",
				page.headers("Set-Cookie").stream().map(cookie -> cookie.split(";")[0]).toList());
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return client.post("/camunda/api/admin/auth/user/default/login/tasklist", form, "Content-Type",
				"application/x-www-form-urlencoded", "Cookie", cookies, "X-XSRF-TOKEN", token, "Origin",
				"http://localhost:" + port);
	}

	// ---- the password check of the REST API

	@Test
	void onlyTheAdministratorMayCheckAnotherUsersPassword() throws Exception {
		user("clara", Groups.COUNCIL_CLERKS);
		user("nina");
		LoopbackClient clerk = at("127.0.0.50");
		String guess = "{\"username\":\"nina\",\"password\":\"guess\"}";
		for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/identity/verify/",
				"/engine-rest/engine/default/identity/verify")) {
			LoopbackClient.Response refused = clerk.post(path, guess, "Content-Type", "application/json",
					"Authorization", basic("clara", PASSWORD));
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.body()).contains("Only an administrator");
		}
		assertThat(failedAttempts("nina")).isZero();

		LoopbackClient.Response checked = at("127.0.0.51").post("/engine-rest/identity/verify",
				"{\"username\":\"nina\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", "application/json",
				"Authorization", basic("admin", ADMIN_PASSWORD));
		assertThat(checked.status()).isEqualTo(200);
		assertThat(checked.body()).contains("\"authenticated\":true");
	}

	// ---- the password policy

	@Test
	void aNewPasswordMustFollowThePolicy() throws Exception {
		LoopbackClient admin = at("127.0.0.60");
		String authorization = basic("admin", ADMIN_PASSWORD);

		LoopbackClient.Response policy = admin.get("/engine-rest/identity/password-policy", "Authorization",
				authorization);
		assertThat(policy.status()).isEqualTo(200);
		assertThat(policy.body()).contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_DIGIT");

		for (String weak : List.of("demo", "password-weak", "Password1", "wendy-Passw0rd!")) {
			LoopbackClient.Response refused = admin.post("/engine-rest/user/create",
					"{\"profile\":{\"id\":\"wendy\"},\"credentials\":{\"password\":\"" + weak + "\"}}", "Content-Type",
					"application/json", "Authorization", authorization);
			assertThat(refused.status()).as(weak).isEqualTo(400);
			assertThat(refused.body()).as(weak).contains("does not follow the password policy");
			assertThat(identityService.createUserQuery().userId("wendy").count()).as(weak).isZero();
		}
		LoopbackClient.Response created = admin.post("/engine-rest/user/create",
				"{\"profile\":{\"id\":\"wendy\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}", "Content-Type",
				"application/json", "Authorization", authorization);
		assertThat(created.status()).isEqualTo(204);
	}

	// ---- actuator

	@Test
	void metricsNeedAnOperatorAndHealthNobody() throws Exception {
		user("otto", Groups.OPERATORS);
		user("ines", Groups.INNOVATION_OFFICE);
		LoopbackClient client = at("127.0.0.70");

		// up, even with no mail server here (mail is degraded, not down): no login
		assertThat(client.get("/actuator/health").status()).isEqualTo(200);
		assertThat(client.get("/actuator/health/liveness").status()).isEqualTo(200);
		for (String path : List.of("/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info",
				"/actuator", "/actuator/env", "/actuator/heapdump")) {
			LoopbackClient.Response anonymous = client.get(path);
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
		}
		assertThat(client.get("/actuator/metrics", "Authorization", basic("ines", PASSWORD)).status()).isEqualTo(403);
		assertThat(client.get("/actuator/metrics", "Authorization", basic("otto", PASSWORD)).status()).isEqualTo(200);
		assertThat(client.get("/actuator/metrics", "Authorization", basic("admin", ADMIN_PASSWORD)).status())
			.isEqualTo(200);
		// what is not exposed stays closed for operators too
		assertThat(client.get("/actuator/env", "Authorization", basic("otto", PASSWORD)).status()).isEqualTo(404);
	}

}
