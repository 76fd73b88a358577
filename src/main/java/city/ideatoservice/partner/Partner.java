package city.ideatoservice.partner;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation in an idea's partnership: who it is, its role in this idea, whom to
 * write to, and whether the public sees it on the idea's page. Contact person and e-mail
 * are personal data and go with an erasure; a partner who leaves keeps its record. A
 * challenge's partners and sponsors have a challengeId instead of an ideaId.
 */
@Table("partner")
public record Partner(@Id Long id, Long ideaId, String organisation, PartnerKind kind, String contactPerson,
		String email, String role, boolean publicListing, Instant joinedAt, Instant leftAt, Instant erasedAt,
		Long challengeId) {

	public boolean isCurrent() {
		return leftAt == null;
	}

	/** Mails go to a partner with an address that was not erased. */
	public boolean isReachable() {
		return erasedAt == null && email != null;
	}

	Partner left(Instant at) {
		return new Partner(id, ideaId, organisation, kind, contactPerson, email, role, publicListing, joinedAt, at,
				erasedAt, challengeId);
	}

	Partner erased(Instant at) {
		return new Partner(id, ideaId, organisation, kind, null, null, role, publicListing, joinedAt, leftAt, at,
				challengeId);
	}

}
