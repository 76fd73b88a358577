package city.ideatoservice.idea;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface IdeaRepository extends ListCrudRepository<Idea, Long> {

	Optional<Idea> findByReference(String reference);

	Optional<Idea> findByTrackingCodeHash(String trackingCodeHash);

}
