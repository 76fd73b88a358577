package city.ideatoservice.partner;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface CheckpointAssessmentRepository extends ListCrudRepository<CheckpointAssessment, Long> {

	List<CheckpointAssessment> findByIdeaIdOrderByAssessedAt(Long ideaId);

}
