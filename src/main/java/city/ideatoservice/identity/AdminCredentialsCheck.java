package city.ideatoservice.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without the administrator's credentials in configuration: there is no
 * default password outside the demo profile. Runs before anything touches the database;
 * {@link AdminCredentialsFailureAnalyzer} says what to set.
 */
public class AdminCredentialsCheck implements EnvironmentPostProcessor, Ordered {

	static final String USER = "camunda.bpm.admin-user.id";

	static final String PASSWORD = "camunda.bpm.admin-user.password";

	static final String PASSWORD_POLICY = "camunda.bpm.generic-properties.properties.enable-password-policy";

	static final int MIN_PASSWORD_LENGTH = 12;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
		String user = environment.getProperty(USER, "");
		String password = environment.getProperty(PASSWORD, "");
		if (user.isBlank() || password.isBlank()) {
			throw new AdminCredentialsMissingException(
					"No administrator credentials are configured, and outside the demo profile there is no default.");
		}
		if (!demo && password.length() < MIN_PASSWORD_LENGTH) {
			throw new AdminCredentialsMissingException(
					"The administrator's password is shorter than " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (!demo && environment.getProperty(PASSWORD_POLICY, Boolean.class, false)
				&& !followsPasswordPolicy(user, password)) {
			// the engine would refuse to create the administrator, with less to go on
			throw new AdminCredentialsMissingException("The administrator's password does not follow the password"
					+ " policy: upper and lower case letters, a digit and a special character, and not the user's id.");
		}
	}

	static boolean followsPasswordPolicy(String user, String password) {
		UserEntity administrator = new UserEntity(user);
		for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
			if (!rule.execute(password, administrator)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int getOrder() {
		// after application.yml and the environment have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

	public static class AdminCredentialsMissingException extends IllegalStateException {

		AdminCredentialsMissingException(String message) {
			super(message);
		}

	}

}
