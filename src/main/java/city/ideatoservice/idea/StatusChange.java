package city.ideatoservice.idea;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of an idea's public status history. */
@Table("idea_status_change")
public record StatusChange(@Id Long id, Long ideaId, PublicStatus status, String publicReason, Instant changedAt) {

}
