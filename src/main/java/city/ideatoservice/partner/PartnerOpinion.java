package city.ideatoservice.partner;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One partner's view at a checkpoint: AGREE, DISAGREE or COMMENT, with what they said.
 */
@Table("partner_opinion")
public record PartnerOpinion(@Id Long id, Long assessmentId, Long partnerId, String opinion, String opinionComment) {

	public static final String COMMENT = "COMMENT";

}
