package city.ideatoservice.approval;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One group's decision on a service proposal in one round of departmental approvals. */
@Table("approval_decision")
public record ApprovalDecision(@Id Long id, Long ideaId, int approvalRound, String approverGroup, String decision,
		String reason, String decidedBy, Instant decidedAt) {

}
