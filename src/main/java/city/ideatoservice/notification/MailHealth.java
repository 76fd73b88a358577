package city.ideatoservice.notification;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server's health as its own indicator ("mail"), in place of Spring Boot's,
 * which turns the whole application DOWN (503) when the mail server is away. A mail
 * outage blocks nothing here: mails wait as jobs, are retried, and what still fails is an
 * incident. So the indicator says {@link #DEGRADED} (ordered below UP in application.yml,
 * so the application stays UP) with the mails waiting and the incidents of "Send e-mail",
 * which operators fix in Cockpit.
 */
@Component("mailHealthIndicator")
class MailHealth extends AbstractHealthIndicator {

	/** Up, with a part that does not work; HTTP 200 (application.yml). */
	static final Status DEGRADED = new Status("DEGRADED",
			"The mail server cannot be reached; mails wait and are retried");

	private static final String SEND_NOTIFICATION = "send-notification";

	private final JavaMailSenderImpl mailSender;

	private final ManagementService management;

	private final RuntimeService runtime;

	MailHealth(JavaMailSenderImpl mailSender, ManagementService management, RuntimeService runtime) {
		super("Mail health check failed");
		this.mailSender = mailSender;
		this.management = management;
		this.runtime = runtime;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("location", mailSender.getHost() + ":" + mailSender.getPort());
		try {
			mailSender.testConnection();
			builder.up();
		}
		catch (Exception ex) {
			builder.status(DEGRADED).withDetail("error", ex.getMessage());
		}
		builder.withDetail("mailsWaiting", management.createJobQuery().processDefinitionKey(SEND_NOTIFICATION).count())
			.withDetail("incidents", runtime.createIncidentQuery().processDefinitionKeyIn(SEND_NOTIFICATION).count());
	}

}
