package city.ideatoservice.screening;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.screening.ScreeningVariables.DUPLICATE_OF;
import static city.ideatoservice.screening.ScreeningVariables.SCREENING_DECISION;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Screen idea": a duplicate is merged into another idea, which must exist. */
@Component
public class DuplicateIdeaCheck implements TaskListener {

	private final IdeaService ideas;

	private final FormValidation forms;

	DuplicateIdeaCheck(IdeaService ideas, FormValidation forms) {
		this.ideas = ideas;
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!"DUPLICATE".equals(task.getVariable(SCREENING_DECISION))) {
			return;
		}
		String other = FormInput.of(task).text(DUPLICATE_OF);
		if (other.equals(task.getVariable(IDEA_REFERENCE))) {
			throw forms.invalid(task, DUPLICATE_OF, "an idea cannot be a duplicate of itself.");
		}
		if (ideas.findByReference(other).isEmpty()) {
			throw forms.invalid(task, DUPLICATE_OF, "there is no idea " + other + ".");
		}
	}

}
