package city.ideatoservice.council;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface CouncilSessionRepository extends ListCrudRepository<CouncilSession, Long> {

	List<CouncilSession> findByBodyAndSessionDateGreaterThanEqualOrderBySessionDate(String body, LocalDate from);

	List<CouncilSession> findAllByOrderBySessionDate();

	boolean existsByBodyAndSessionDate(String body, LocalDate sessionDate);

}
