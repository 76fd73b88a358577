package city.ideatoservice.challenge;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ChallengeDatasetRepository extends ListCrudRepository<ChallengeDataset, Long> {

	List<ChallengeDataset> findByChallengeIdOrderById(Long challengeId);

}
