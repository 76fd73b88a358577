package city.ideatoservice;

import city.ideatoservice.cluster.PostgresServer;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end test of {@link IdeaToServiceApplicationTests}, portal to LIVE as the
 * demo users, on PostgreSQL with the profile "postgres": the same Flyway migrations
 * create the application's tables, Camunda's schema handling its own.
 */
@Tag("cluster")
@ActiveProfiles("postgres")
class PostgresApplicationTests extends IdeaToServiceApplicationTests {

	private static String url;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", PostgresApplicationTests::database);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	private static synchronized String database() {
		if (url == null) {
			url = PostgresServer.shared().createDatabase("application_tests");
		}
		return url;
	}

}
