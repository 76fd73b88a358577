package city.ideatoservice.idea;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An idea as the application keeps it. The citizen's name and e-mail are in
 * {@link Citizen}, not here.
 */
@Table("idea")
public record Idea(@Id Long id, String reference, String title, String description, Theme theme, Reach reach,
		Channel channel, PublicStatus status, String trackingCodeHash, String idempotencyKey, Long citizenId,
		String mergedInto, Instant createdAt, Instant updatedAt, @Version Integer version, String place,
		boolean publicBoard, Instant privacyAcceptedAt) {

	Idea withStatus(PublicStatus newStatus, Instant at) {
		return new Idea(id, reference, title, description, theme, reach, channel, newStatus, trackingCodeHash,
				idempotencyKey, citizenId, mergedInto, createdAt, at, version, place, publicBoard, privacyAcceptedAt);
	}

	Idea withMergedInto(String otherReference, Instant at) {
		return new Idea(id, reference, title, description, theme, reach, channel, status, trackingCodeHash,
				idempotencyKey, citizenId, otherReference, createdAt, at, version, place, publicBoard,
				privacyAcceptedAt);
	}

}
