package city.ideatoservice.idea;

import static city.ideatoservice.idea.IdeaVariables.IDEA_ADOPTED;
import static city.ideatoservice.idea.IdeaVariables.IDEA_CHANNEL;
import static city.ideatoservice.idea.IdeaVariables.IDEA_DESCRIPTION;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REACH;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_THEME;
import static city.ideatoservice.idea.IdeaVariables.IDEA_TITLE;
import static city.ideatoservice.idea.IdeaVariables.IMPROVEMENT_ROUND;
import static city.ideatoservice.idea.IdeaVariables.SUBMITTER_EMAIL;
import static city.ideatoservice.idea.IdeaVariables.SUBMITTER_NAME;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * "Register idea": an idea from the portal is registered before the process starts and
 * arrives with its reference; an idea recorded in the start form is registered here, and
 * the citizen's name and e-mail move from the form's variables into the CITIZEN table.
 */
@Component
public class RegisterIdeaDelegate implements JavaDelegate {

	private final IdeaService ideas;

	RegisterIdeaDelegate(IdeaService ideas) {
		this.ideas = ideas;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = (String) execution.getVariable(IDEA_REFERENCE);
		if (reference == null) {
			reference = registerFromStartForm(execution);
		}
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(reference);
		}
		execution.setVariable(IMPROVEMENT_ROUND, false);
		execution.setVariable(IDEA_ADOPTED, false);
	}

	/**
	 * The start form's values are checked against the form before the instance starts
	 * (FormValidation).
	 */
	private String registerFromStartForm(DelegateExecution execution) {
		FormInput input = FormInput.of(execution);
		String title = input.text(IDEA_TITLE);
		if (title == null) {
			// started by its message without an idea, e.g. over the REST API: the
			// caller's mistake
			throw new FormFieldValidationException(IDEA_REFERENCE, "An idea comes from the portal (with its reference) "
					+ "or from the form 'Record idea' (title, description, theme, reach): neither was given.");
		}
		String description = input.text(IDEA_DESCRIPTION);
		Idea idea = ideas
			.register(new IdeaService.NewIdea(title, description, Theme.valueOf(input.text(IDEA_THEME)),
					Reach.valueOf(input.text(IDEA_REACH)), Channel.valueOf(input.text(IDEA_CHANNEL)),
					input.text(SUBMITTER_NAME), input.text(SUBMITTER_EMAIL), null))
			.idea();
		execution.removeVariable(SUBMITTER_NAME);
		execution.removeVariable(SUBMITTER_EMAIL);
		execution.setVariable(IDEA_REFERENCE, idea.reference());
		execution.setVariable(IDEA_TITLE, title);
		execution.setVariable(IDEA_DESCRIPTION, description);
		return idea.reference();
	}

}
