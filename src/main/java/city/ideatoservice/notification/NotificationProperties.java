package city.ideatoservice.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail settings beyond the SMTP server (spring.mail.*): the sender, the retry cycle of
 * a mail job (ISO 8601 repeating intervals, e.g. R5/PT2M: five more tries two minutes
 * apart, then an incident) and the default language.
 */
@ConfigurationProperties("idea-to-service.notifications")
public record NotificationProperties(String sender, String retryCycle, String defaultLocale) {

}
