package city.ideatoservice.idea;

import static city.ideatoservice.process.ProcessVariables.IDEA_ADOPTED;
import static city.ideatoservice.process.ProcessVariables.IDEA_CHANNEL;
import static city.ideatoservice.process.ProcessVariables.IDEA_DESCRIPTION;
import static city.ideatoservice.process.ProcessVariables.IDEA_REACH;
import static city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.IDEA_THEME;
import static city.ideatoservice.process.ProcessVariables.IDEA_TITLE;
import static city.ideatoservice.process.ProcessVariables.IMPROVEMENT_ROUND;
import static city.ideatoservice.process.ProcessVariables.SUBMITTER_EMAIL;
import static city.ideatoservice.process.ProcessVariables.SUBMITTER_NAME;

import java.util.Arrays;
import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register idea": an idea from the portal is registered before the process starts and arrives with its reference;
 * an idea recorded in the start form is registered here, and the citizen's name and e-mail move from the form's
 * variables into the CITIZEN table.
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

	private String registerFromStartForm(DelegateExecution execution) {
		FormInput input = FormInput.of(execution);
		String title = singleLine(IDEA_TITLE, input.requiredText(IDEA_TITLE, IdeaRules.TITLE_MAX));
		String description = input.requiredText(IDEA_DESCRIPTION, IdeaRules.DESCRIPTION_MAX);
		Theme theme = Theme.valueOf(input.requiredChoice(IDEA_THEME, names(Theme.values())));
		Reach reach = Reach.valueOf(input.requiredChoice(IDEA_REACH, names(Reach.values())));
		Channel channel = Channel.valueOf(input.requiredChoice(IDEA_CHANNEL, names(Channel.values())));
		String name = singleLine(SUBMITTER_NAME, input.optionalText(SUBMITTER_NAME, IdeaRules.NAME_MAX));
		String email = input.optionalText(SUBMITTER_EMAIL, IdeaRules.EMAIL_MAX);
		if (email != null && !IdeaRules.EMAIL.matcher(email).matches()) {
			throw FormInput.invalid(SUBMITTER_EMAIL, "'" + email + "' is not an e-mail address.");
		}
		execution.removeVariable(SUBMITTER_NAME);
		execution.removeVariable(SUBMITTER_EMAIL);

		Idea idea = ideas.register(new IdeaService.NewIdea(title, description, theme, reach, channel, name, email, null))
			.idea();
		execution.setVariable(IDEA_REFERENCE, idea.reference());
		execution.setVariable(IDEA_TITLE, title);
		execution.setVariable(IDEA_DESCRIPTION, description);
		return idea.reference();
	}

	private static String singleLine(String field, String text) {
		if (text != null && !IdeaRules.SINGLE_LINE.matcher(text).matches()) {
			throw FormInput.invalid(field, "'" + field + "' must be a single line of text.");
		}
		return text;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
