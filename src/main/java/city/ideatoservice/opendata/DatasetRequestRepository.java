package city.ideatoservice.opendata;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface DatasetRequestRepository extends ListCrudRepository<DatasetRequest, Long> {

	List<DatasetRequest> findByIdeaIdOrderByDecidedAt(Long ideaId);

	/**
	 * Distinct published datasets linked to the idea: opened for it, or named from the
	 * catalogue at co-design (the same dataset twice counts once).
	 */
	@Query("select count(distinct catalogue_id) from dataset_request where idea_id = :ideaId and outcome = 'PUBLISHED'")
	int countPublished(Long ideaId);

	boolean existsByIdeaIdAndCatalogueIdAndOutcome(Long ideaId, String catalogueId, String outcome);

	@Query("select count(distinct owner_department) from dataset_request where idea_id = :ideaId and outcome = 'PUBLISHED'")
	int countPublishingDepartments(Long ideaId);

}
