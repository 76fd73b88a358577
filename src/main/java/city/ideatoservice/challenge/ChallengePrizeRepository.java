package city.ideatoservice.challenge;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ChallengePrizeRepository extends ListCrudRepository<ChallengePrize, Long> {

	List<ChallengePrize> findByChallengeIdOrderByPlace(Long challengeId);

}
