package city.ideatoservice.commitment;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface PublicCommitmentRepository extends ListCrudRepository<PublicCommitment, Long> {

	List<PublicCommitment> findByIdeaIdOrderByRecordedAtAscIdAsc(Long ideaId);

}
