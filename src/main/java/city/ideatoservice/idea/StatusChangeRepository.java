package city.ideatoservice.idea;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface StatusChangeRepository extends ListCrudRepository<StatusChange, Long> {

	List<StatusChange> findByIdeaIdOrderByChangedAtAscIdAsc(Long ideaId);

}
