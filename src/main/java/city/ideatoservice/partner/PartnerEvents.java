package city.ideatoservice.partner;

import java.util.List;

/**
 * What happens to a partnership, published in the transaction of the step that caused it
 * (notifications listen).
 */
public final class PartnerEvents {

	private PartnerEvents() {
	}

	/** Partners joined the idea at co-design or at a checkpoint. */
	public record PartnersJoined(Long ideaId, String reference, List<Long> partnerIds) {
	}

	/** A checkpoint was assessed together with the partners. */
	public record CheckpointAssessed(Long ideaId, String reference, Long assessmentId, String milestone,
			String decision) {
	}

	/** A partner's contact person and e-mail were erased. */
	public record PartnerErased(Long partnerId) {
	}

}
