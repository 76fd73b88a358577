package city.ideatoservice.opendata;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dataset linked to an idea: the outcome of opening one it asked for (origin OPENED),
 * PUBLISHED (with its catalogue id) or REFUSED; or one already in the catalogue that its
 * co-design named (origin CATALOGUE, PUBLISHED).
 */
@Table("dataset_request")
public record DatasetRequest(@Id Long id, Long ideaId, String title, String ownerDepartment, String outcome,
		String catalogueId, String reason, Instant decidedAt, String origin) {

	public static final String PUBLISHED = "PUBLISHED";

	public static final String REFUSED = "REFUSED";

	public static final String OPENED = "OPENED";

	public static final String CATALOGUE = "CATALOGUE";

}
