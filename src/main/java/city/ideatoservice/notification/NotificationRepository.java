package city.ideatoservice.notification;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface NotificationRepository extends ListCrudRepository<Notification, Long> {

	List<Notification> findByIdeaIdOrderByCreatedAt(Long ideaId);

	List<Notification> findByStaffUserIdOrderByCreatedAt(String staffUserId);

	@Modifying
	@Query("delete from notification where citizen_id = :citizenId")
	void deleteByCitizenId(Long citizenId);

	@Modifying
	@Query("delete from notification where partner_id = :partnerId")
	void deleteByPartnerId(Long partnerId);

}
