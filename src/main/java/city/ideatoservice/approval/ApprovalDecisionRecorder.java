package city.ideatoservice.approval;

import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_DECISION;
import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_REASON;
import static city.ideatoservice.approval.ApprovalVariables.APPROVAL_ROUND;
import static city.ideatoservice.approval.ApprovalVariables.APPROVER_GROUP;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.time.Clock;

import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Approve service for department": each group's decision is kept as a row of its own, so
 * parallel approvals never overwrite each other.
 */
@Component
public class ApprovalDecisionRecorder implements TaskListener {

	private final IdeaService ideas;

	private final ApprovalDecisionRepository decisions;

	private final Clock clock;

	ApprovalDecisionRecorder(IdeaService ideas, ApprovalDecisionRepository decisions, Clock clock) {
		this.ideas = ideas;
		this.decisions = decisions;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.text(APPROVAL_DECISION);
		String reason = input.text(APPROVAL_REASON);
		Long ideaId = ideas.require((String) task.getVariable(IDEA_REFERENCE)).id();
		Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		decisions.save(new ApprovalDecision(null, ideaId, round(task), (String) task.getVariable(APPROVER_GROUP),
				decision, reason, user != null ? user.getUserId() : task.getAssignee(), clock.instant()));
	}

	static int round(org.camunda.bpm.engine.delegate.VariableScope scope) {
		Object round = scope.getVariable(APPROVAL_ROUND);
		return round instanceof Number number ? number.intValue() : 1;
	}

}
