package city.ideatoservice.screening;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface CitizenQuestionRepository extends ListCrudRepository<CitizenQuestion, Long> {

	Optional<CitizenQuestion> findFirstByIdeaIdAndAnsweredAtIsNullOrderByAskedAtDesc(Long ideaId);

}
