package city.ideatoservice.challenge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ChallengeRepository extends ListCrudRepository<Challenge, Long> {

	Optional<Challenge> findByReference(String reference);

	List<Challenge> findByStatusOrderByClosesOn(ChallengeStatus status);

}
