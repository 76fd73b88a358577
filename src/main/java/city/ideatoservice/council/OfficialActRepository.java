package city.ideatoservice.council;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface OfficialActRepository extends ListCrudRepository<OfficialAct, String> {

	List<OfficialAct> findAllByOrderByActYearDescActSequenceDesc();

	Optional<OfficialAct> findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(String ideaReference);

}
