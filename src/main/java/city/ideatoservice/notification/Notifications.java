package city.ideatoservice.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an e-mail: a row in NOTIFICATION and a "send-notification" process whose first
 * step is an asynchronous job. Both commit with the step that caused the mail, or not at
 * all; the mail server is only talked to by the job, after that commit, so a server that
 * is down never blocks or rolls back anybody's work.
 */
@Service
public class Notifications {

	public static final String PROCESS_KEY = "send-notification";

	public static final String NOTIFICATION_ID = "notificationId";

	private final NotificationRepository notifications;

	private final RuntimeService runtimeService;

	private final ObjectMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	Notifications(NotificationRepository notifications, RuntimeService runtimeService, ObjectMapper json,
			NotificationProperties properties, Clock clock) {
		this.notifications = notifications;
		this.runtimeService = runtimeService;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public Notification toCitizen(NotificationKind kind, Long ideaId, String reference, Long citizenId, String locale,
			Map<String, String> parameters) {
		return queue(new Notification(null, ideaId, kind, citizenId, null, null, localeOrDefault(locale),
				write(parameters), Notification.Status.PENDING, clock.instant(), null, null, null), reference);
	}

	@Transactional
	public Notification toStaff(NotificationKind kind, Long ideaId, String reference, String userId,
			Map<String, String> parameters) {
		return queue(new Notification(null, ideaId, kind, null, userId, null, properties.defaultLocale(),
				write(parameters), Notification.Status.PENDING, clock.instant(), null, null, null), reference);
	}

	/** To a partner of the idea, in the city's language. */
	@Transactional
	public Notification toPartner(NotificationKind kind, Long ideaId, String reference, Long partnerId,
			Map<String, String> parameters) {
		return queue(new Notification(null, ideaId, kind, null, null, partnerId, properties.defaultLocale(),
				write(parameters), Notification.Status.PENDING, clock.instant(), null, null, null), reference);
	}

	/**
	 * To an external juror of a challenge (no Camunda account), in the city's language;
	 * the address is read from the jury when sending.
	 */
	@Transactional
	public Notification toJuror(NotificationKind kind, String reference, Long jurorId, Map<String, String> parameters) {
		return queue(new Notification(null, null, kind, null, null, null, properties.defaultLocale(), write(parameters),
				Notification.Status.PENDING, clock.instant(), null, null, jurorId), reference);
	}

	private Notification queue(Notification notification, String reference) {
		Notification saved = notifications.save(notification);
		Runnable start = () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference,
				Map.of(NOTIFICATION_ID, saved.id()));
		CommandContext engineCommand = Context.getCommandContext();
		if (engineCommand != null) {
			// queued on behalf of whoever completed the step: the mail job is the
			// application's, not theirs
			engineCommand.runWithoutAuthorization(() -> {
				start.run();
				return null;
			});
		}
		else {
			start.run();
		}
		return saved;
	}

	private String localeOrDefault(String locale) {
		return locale == null || locale.isBlank() ? properties.defaultLocale()
				: Locale.forLanguageTag(locale).toLanguageTag();
	}

	private String write(Map<String, String> parameters) {
		try {
			return json.writeValueAsString(parameters);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Parameters of a notification are plain texts", ex);
		}
	}

}
