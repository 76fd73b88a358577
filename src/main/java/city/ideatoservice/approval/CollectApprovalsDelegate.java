package city.ideatoservice.approval;

import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_FEEDBACK;
import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_OUTCOME;
import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_ROUND;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.PUBLIC_REASON;

import java.util.List;
import java.util.stream.Collectors;

import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Collect approval decisions": one rejection rejects the proposal (its reason is
 * public); else any request for changes sends it back to the champion for another round;
 * else it is approved.
 */
@Component
public class CollectApprovalsDelegate implements JavaDelegate {

	private final IdeaService ideas;

	private final ApprovalDecisionRepository decisions;

	CollectApprovalsDelegate(IdeaService ideas, ApprovalDecisionRepository decisions) {
		this.ideas = ideas;
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long ideaId = ideas.require((String) execution.getVariable(IDEA_REFERENCE)).id();
		int round = ApprovalDecisionRecorder.round(execution);
		List<ApprovalDecision> round_ = decisions.findByIdeaIdAndApprovalRoundOrderByApproverGroup(ideaId, round);
		List<ApprovalDecision> rejections = withDecision(round_, "REJECT");
		List<ApprovalDecision> changes = withDecision(round_, "REQUEST_CHANGES");
		if (!rejections.isEmpty()) {
			execution.setVariable(APPROVAL_OUTCOME, "REJECTED");
			execution.setVariable(PUBLIC_REASON, summary(rejections));
		}
		else if (!changes.isEmpty()) {
			execution.setVariable(APPROVAL_OUTCOME, "CHANGES_REQUESTED");
			execution.setVariable(APPROVAL_FEEDBACK, summary(changes));
			execution.setVariable(APPROVAL_ROUND, round + 1);
		}
		else {
			execution.setVariable(APPROVAL_OUTCOME, "APPROVED");
		}
	}

	private static List<ApprovalDecision> withDecision(List<ApprovalDecision> all, String decision) {
		return all.stream().filter(d -> decision.equals(d.decision())).toList();
	}

	private static String summary(List<ApprovalDecision> decisions) {
		return decisions.stream().map(d -> d.approverGroup() + ": " + d.reason()).collect(Collectors.joining("\n"));
	}

}
