package city.ideatoservice.approval;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ApprovalDecisionRepository extends ListCrudRepository<ApprovalDecision, Long> {

	List<ApprovalDecision> findByIdeaIdAndApprovalRoundOrderByApproverGroup(Long ideaId, int approvalRound);

	List<ApprovalDecision> findByIdeaIdOrderByApprovalRoundAscApproverGroupAsc(Long ideaId);

	List<ApprovalDecision> findByIdeaIdAndApproverGroupOrderByApprovalRound(Long ideaId, String approverGroup);

}
