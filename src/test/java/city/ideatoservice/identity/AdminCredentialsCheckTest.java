package city.ideatoservice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.ideatoservice.IdeaToServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo profile there is no default password: the application refuses to start
 * and says what to set.
 */
// not @IdeaToServiceTest: it starts the application itself, without credentials, and
// expects the start to fail
class AdminCredentialsCheckTest {

	@Test
	void aStartWithoutAdminCredentialsIsRefusedBeforeTouchingTheDatabase() {
		assertThatThrownBy(
				() -> new SpringApplicationBuilder(IdeaToServiceApplication.class).run("--camunda.bpm.admin-user.id=",
						"--camunda.bpm.admin-user.password=", "--spring.datasource.url=jdbc:h2:mem:never-used",
						"--server.port=0"))
			.isInstanceOf(AdminCredentialsCheck.AdminCredentialsMissingException.class);
	}

	@Test
	void theFailureSaysWhatToSet() {
		FailureAnalysis analysis = new AdminCredentialsFailureAnalyzer()
			.analyze(new AdminCredentialsCheck.AdminCredentialsMissingException("No administrator credentials"));

		assertThat(analysis.getAction()).contains("IDEA_TO_SERVICE_ADMIN_USER", "IDEA_TO_SERVICE_ADMIN_PASSWORD",
				"demo");
	}

	@Test
	void aShortPasswordIsRefusedOutsideTheDemoProfileOnly() {
		MockEnvironment production = new MockEnvironment().withProperty(AdminCredentialsCheck.USER, "admin")
			.withProperty(AdminCredentialsCheck.PASSWORD, "short");
		assertThatThrownBy(() -> new AdminCredentialsCheck().postProcessEnvironment(production, null))
			.hasMessageContaining("shorter than 12");

		MockEnvironment demo = new MockEnvironment().withProperty(AdminCredentialsCheck.USER, "demo")
			.withProperty(AdminCredentialsCheck.PASSWORD, "demo");
		demo.setActiveProfiles("demo");
		new AdminCredentialsCheck().postProcessEnvironment(demo, null);
	}

	@Test
	void configuredCredentialsPass() {
		MockEnvironment environment = new MockEnvironment().withProperty(AdminCredentialsCheck.USER, "admin")
			.withProperty(AdminCredentialsCheck.PASSWORD, "a-long-enough-password");
		new AdminCredentialsCheck().postProcessEnvironment(environment, null);
	}

	@Test
	void withThePasswordPolicyTheAdministratorsPasswordMustFollowIt() {
		MockEnvironment weak = new MockEnvironment().withProperty(AdminCredentialsCheck.USER, "admin")
			.withProperty(AdminCredentialsCheck.PASSWORD, "a-long-enough-password")
			.withProperty(AdminCredentialsCheck.PASSWORD_POLICY, "true");
		assertThatThrownBy(() -> new AdminCredentialsCheck().postProcessEnvironment(weak, null))
			.hasMessageContaining("password policy");

		MockEnvironment strong = new MockEnvironment().withProperty(AdminCredentialsCheck.USER, "admin")
			.withProperty(AdminCredentialsCheck.PASSWORD, "Long-enough-passw0rd")
			.withProperty(AdminCredentialsCheck.PASSWORD_POLICY, "true");
		new AdminCredentialsCheck().postProcessEnvironment(strong, null);
	}

	@Test
	void thePolicyIsOnOutsideTheDemoAndOffInIt() throws Exception {
		YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
		PropertySource<?> application = yaml.load("application", new ClassPathResource("application.yml")).get(0);
		PropertySource<?> demo = yaml.load("demo", new ClassPathResource("application-demo.yml")).get(0);

		assertThat(application.getProperty(AdminCredentialsCheck.PASSWORD_POLICY)).isEqualTo(true);
		// the demo users' password is "demo"
		assertThat(demo.getProperty(AdminCredentialsCheck.PASSWORD_POLICY)).isEqualTo(false);
	}

}
