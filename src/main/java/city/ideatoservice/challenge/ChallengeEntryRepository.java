package city.ideatoservice.challenge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ChallengeEntryRepository extends ListCrudRepository<ChallengeEntry, Long> {

	List<ChallengeEntry> findByChallengeIdOrderById(Long challengeId);

	Optional<ChallengeEntry> findByIdeaId(Long ideaId);

}
