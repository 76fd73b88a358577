package city.ideatoservice.opendata;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface PublishedDatasetRepository
		extends ListCrudRepository<PublishedDataset, String>, ListPagingAndSortingRepository<PublishedDataset, String> {

	List<PublishedDataset> findByIdeaReferenceOrderByIssuedAtAsc(String ideaReference);

}
