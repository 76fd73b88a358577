package city.ideatoservice.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells the operator exactly what to set when the administrator's credentials are
 * missing.
 */
public class AdminCredentialsFailureAnalyzer
		extends AbstractFailureAnalyzer<AdminCredentialsCheck.AdminCredentialsMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable root, AdminCredentialsCheck.AdminCredentialsMissingException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set IDEA_TO_SERVICE_ADMIN_USER and IDEA_TO_SERVICE_ADMIN_PASSWORD (at least "
						+ AdminCredentialsCheck.MIN_PASSWORD_LENGTH + " characters, with upper and lower case letters,"
						+ " a digit and a special character, not containing the user name) in the environment, or "
						+ AdminCredentialsCheck.USER + " and " + AdminCredentialsCheck.PASSWORD
						+ " in the configuration. To try the application with demo users instead, start it with the demo"
						+ " profile: ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo",
				cause);
	}

}
