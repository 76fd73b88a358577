package city.ideatoservice.idea;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The person behind an idea. Kept apart from the process so it can be erased on request.
 */
@Table("citizen")
public record Citizen(@Id Long id, String name, String email, String locale, Instant createdAt, Instant erasedAt) {

}
