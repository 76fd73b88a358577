package city.ideatoservice.idea;

import java.time.Instant;

/** Published when an idea's public status changes (notifications listen to it). */
public record IdeaStatusChanged(Long ideaId, String reference, PublicStatus status, String publicReason,
		Instant changedAt) {

}
