package city.ideatoservice.idea;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.PUBLIC_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The model's hook for public status: {@code ${ideaStatus.change(execution, 'PILOT')}} on
 * the step that changes it. A closing status takes the reason the last form asked for
 * ({@code publicReason}) unless the model names one.
 */
@Component("ideaStatus")
public class IdeaStatusListener {

	private final IdeaService ideas;

	IdeaStatusListener(IdeaService ideas) {
		this.ideas = ideas;
	}

	public void change(DelegateExecution execution, String status) {
		PublicStatus newStatus = PublicStatus.valueOf(status);
		String reason = newStatus.isClosing() ? (String) execution.getVariable(PUBLIC_REASON) : null;
		change(execution, status, reason);
	}

	public void change(DelegateExecution execution, String status, String publicReason) {
		PublicStatus newStatus = PublicStatus.valueOf(status);
		ideas.changeStatus(reference(execution), newStatus, blankToNull(publicReason));
		if (newStatus.isClosing()) {
			// a reason belongs to one closing: never let it leak into a later one
			execution.removeVariable(PUBLIC_REASON);
		}
	}

	/**
	 * A public note without a change of status (e.g. a live service that was retired).
	 */
	public void note(DelegateExecution execution, String note) {
		String reference = reference(execution);
		ideas.changeStatus(reference, ideas.require(reference).status(), note);
	}

	private static String reference(DelegateExecution execution) {
		return (String) execution.getVariable(IDEA_REFERENCE);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
