package city.ideatoservice.notification;

import org.springframework.stereotype.Component;

/**
 * The model's view of the e-mail settings: {@code ${notificationSettings.retryCycle()}}
 * in send-notification.
 */
@Component("notificationSettings")
public class NotificationSettings {

	private final NotificationProperties properties;

	NotificationSettings(NotificationProperties properties) {
		this.properties = properties;
	}

	public String retryCycle() {
		return properties.retryCycle();
	}

}
