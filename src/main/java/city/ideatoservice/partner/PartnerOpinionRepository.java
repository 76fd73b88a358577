package city.ideatoservice.partner;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface PartnerOpinionRepository extends ListCrudRepository<PartnerOpinion, Long> {

	List<PartnerOpinion> findByAssessmentIdOrderById(Long assessmentId);

}
