package city.ideatoservice.funding;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One approver's decision on a funding request in one round: the audit trail a finance
 * officer reads.
 */
@Table("funding_decision")
public record FundingDecision(@Id Long id, String ideaReference, int fundingRound, String approverRole, String decision,
		long amountCents, String reason, String decidedBy, Instant decidedAt) {

}
