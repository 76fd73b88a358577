package city.ideatoservice.opendata;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface DatasetRequestRepository extends ListCrudRepository<DatasetRequest, Long> {

	List<DatasetRequest> findByIdeaIdOrderByDecidedAt(Long ideaId);

	@Query("select count(*) from dataset_request where idea_id = :ideaId and outcome = 'PUBLISHED'")
	int countPublished(Long ideaId);

	@Query("select count(distinct owner_department) from dataset_request where idea_id = :ideaId and outcome = 'PUBLISHED'")
	int countPublishingDepartments(Long ideaId);

}
