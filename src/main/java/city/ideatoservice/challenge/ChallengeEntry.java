package city.ideatoservice.challenge;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An entry: an idea linked to the challenge, with an optional team. Score, ranking, prize
 * and winner are set when the chair confirms the ranking.
 */
@Table("challenge_entry")
public record ChallengeEntry(@Id Long id, Long challengeId, Long ideaId, String teamName, String teamMembers,
		Instant submittedAt, Instant withdrawnAt, BigDecimal score, Integer ranking, Long prizeId, boolean winner) {

}
