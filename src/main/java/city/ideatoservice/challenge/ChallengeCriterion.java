package city.ideatoservice.challenge;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A scoring criterion; the weights of one challenge sum to 100. */
@Table("challenge_criterion")
public record ChallengeCriterion(@Id Long id, Long challengeId, int position, String name, int weight) {

}
