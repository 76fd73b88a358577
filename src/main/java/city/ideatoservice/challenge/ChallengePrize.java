package city.ideatoservice.challenge;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A prize for a place; the amount is set where the prize is money. */
@Table("challenge_prize")
public record ChallengePrize(@Id Long id, Long challengeId, int place, String description, BigDecimal amount) {

}
