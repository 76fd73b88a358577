package city.ideatoservice.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One e-mail: queued with the step that caused it, sent by its own job. To a citizen or a
 * partner of the idea or an external juror of a challenge (by id, the address is read
 * when sending) or to a civil servant (by user id).
 */
@Table("notification")
public record Notification(@Id Long id, Long ideaId, NotificationKind kind, Long citizenId, String staffUserId,
		Long partnerId, String locale, String parameters, Status status, Instant createdAt, Instant sentAt,
		String messageId, Long jurorId) {

	public enum Status {

		/** waiting for its job */
		PENDING,
		/** accepted by the mail server */
		SENT,
		/**
		 * not sent on purpose: the citizen's data was erased, or the user has no address
		 */
		CANCELLED

	}

	Notification sent(Instant at, String id) {
		// the parameters may hold a tracking code: once sent, only the record of the mail
		// stays
		return new Notification(this.id, ideaId, kind, citizenId, staffUserId, partnerId, locale, null, Status.SENT,
				createdAt, at, id, jurorId);
	}

	Notification cancelled() {
		return new Notification(id, ideaId, kind, citizenId, staffUserId, partnerId, locale, null, Status.CANCELLED,
				createdAt, null, null, jurorId);
	}

}
