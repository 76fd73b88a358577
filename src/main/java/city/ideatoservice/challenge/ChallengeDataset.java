package city.ideatoservice.challenge;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A dataset of the catalogue offered to the challenge's participants. */
@Table("challenge_dataset")
public record ChallengeDataset(@Id Long id, Long challengeId, String catalogueId) {

}
