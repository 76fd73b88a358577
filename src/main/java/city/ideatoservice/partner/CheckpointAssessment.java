package city.ideatoservice.partner;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A milestone checkpoint assessed together with the partners: the decision the champion
 * recorded; the partners' opinions are {@link PartnerOpinion}s.
 */
@Table("checkpoint_assessment")
public record CheckpointAssessment(@Id Long id, Long ideaId, String milestone, String decision, String assessedBy,
		Instant assessedAt) {

}
