package city.ideatoservice.challenge;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ChallengeCriterionRepository extends ListCrudRepository<ChallengeCriterion, Long> {

	List<ChallengeCriterion> findByChallengeIdOrderByPosition(Long challengeId);

}
