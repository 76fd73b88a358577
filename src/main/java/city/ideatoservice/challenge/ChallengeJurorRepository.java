package city.ideatoservice.challenge;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ChallengeJurorRepository extends ListCrudRepository<ChallengeJuror, Long> {

	List<ChallengeJuror> findByChallengeIdOrderById(Long challengeId);

}
