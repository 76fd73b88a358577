package city.ideatoservice.idea;

import java.time.Instant;

/**
 * Published when an idea's public status changes, or when a public note is added to an
 * unchanged status ({@code noteOnly}, e.g. an improvement round of a live service):
 * notifications listen to it.
 */
public record IdeaStatusChanged(Long ideaId, String reference, PublicStatus status, String publicReason,
		Instant changedAt, boolean noteOnly) {

}
