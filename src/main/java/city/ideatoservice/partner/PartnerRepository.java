package city.ideatoservice.partner;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface PartnerRepository extends ListCrudRepository<Partner, Long> {

	List<Partner> findByIdeaIdOrderById(Long ideaId);

	List<Partner> findByChallengeIdOrderById(Long challengeId);

}
