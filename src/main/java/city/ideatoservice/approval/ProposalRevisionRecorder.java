package city.ideatoservice.approval;

import static city.ideatoservice.approval.ApprovalVariables.REVISION_SUMMARY;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.time.Clock;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Revise service proposal": kept like every approval decision, as the row of the round
 * it opens (who revised, when, what changed), and it must say what changed since the last
 * revision: the form offers the last summary again, and sending it unchanged answers none
 * of the departments' requests.
 */
@Component
public class ProposalRevisionRecorder implements TaskListener {

	/** The approver group of a revision's row: the champion revises for the idea. */
	public static final String REVISION = "champion-revision";

	private final IdeaService ideas;

	private final ApprovalDecisionRepository decisions;

	private final FormValidation forms;

	private final Clock clock;

	ProposalRevisionRecorder(IdeaService ideas, ApprovalDecisionRepository decisions, FormValidation forms,
			Clock clock) {
		this.ideas = ideas;
		this.decisions = decisions;
		this.forms = forms;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		String summary = FormInput.of(task).text(REVISION_SUMMARY).strip();
		Long ideaId = ideas.require((String) task.getVariable(IDEA_REFERENCE)).id();
		boolean repeated = decisions.findByIdeaIdAndApproverGroupOrderByApprovalRound(ideaId, REVISION)
			.stream()
			.anyMatch(earlier -> summary.equalsIgnoreCase(earlier.reason().strip()));
		if (repeated) {
			throw forms.invalid(task, REVISION_SUMMARY,
					"this is the summary of an earlier revision; say what you changed for the departments' requests"
							+ " of this round.");
		}
		Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		decisions.save(new ApprovalDecision(null, ideaId, ApprovalDecisionRecorder.round(task), REVISION, "REVISED",
				summary, user != null ? user.getUserId() : task.getAssignee(), clock.instant()));
	}

}
