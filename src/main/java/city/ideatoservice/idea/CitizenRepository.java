package city.ideatoservice.idea;

import org.springframework.data.repository.ListCrudRepository;

public interface CitizenRepository extends ListCrudRepository<Citizen, Long> {

}
