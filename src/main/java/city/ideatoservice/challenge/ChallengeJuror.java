package city.ideatoservice.challenge;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member of a challenge's jury: a staff user (userId) or an external juror reached by
 * e-mail, without a Camunda account.
 */
@Table("challenge_juror")
public record ChallengeJuror(@Id Long id, Long challengeId, String userId, String name, String email, boolean chair) {

	public boolean isExternal() {
		return userId == null;
	}

}
