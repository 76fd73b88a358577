package city.ideatoservice.council;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface AgendaItemRepository extends ListCrudRepository<AgendaItem, Long> {

	List<AgendaItem> findBySessionIdOrderById(Long sessionId);

}
