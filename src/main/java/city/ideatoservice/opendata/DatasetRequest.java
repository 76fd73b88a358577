package city.ideatoservice.opendata;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The outcome of opening one dataset an idea asked for: PUBLISHED (with its catalogue id)
 * or REFUSED.
 */
@Table("dataset_request")
public record DatasetRequest(@Id Long id, Long ideaId, String title, String ownerDepartment, String outcome,
		String catalogueId, String reason, Instant decidedAt) {

	public static final String PUBLISHED = "PUBLISHED";

	public static final String REFUSED = "REFUSED";

}
