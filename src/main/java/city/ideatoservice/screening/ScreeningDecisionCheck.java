package city.ideatoservice.screening;

import static city.ideatoservice.process.ProcessVariables.CATEGORY;
import static city.ideatoservice.process.ProcessVariables.DUPLICATE_OF;
import static city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.PRIORITY;
import static city.ideatoservice.process.ProcessVariables.PUBLIC_REASON;
import static city.ideatoservice.process.ProcessVariables.QUESTION_TO_CITIZEN;
import static city.ideatoservice.process.ProcessVariables.SCREENING_DECISION;
import static city.ideatoservice.process.ProcessVariables.SPONSOR_DEPARTMENT;

import java.util.Arrays;
import java.util.List;

import city.ideatoservice.idea.IdeaRules;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Screen idea" completes only with a decision that has what it needs: a reason, a question or an idea to merge into. */
@Component
public class ScreeningDecisionCheck implements TaskListener {

	static final List<String> DECISIONS = List.of("ACCEPT", "REJECT", "DUPLICATE", "ASK");

	static final List<String> PRIORITIES = List.of("HIGH", "NORMAL", "LOW");

	private final IdeaService ideas;

	private final Departments departments;

	ScreeningDecisionCheck(IdeaService ideas, Departments departments) {
		this.ideas = ideas;
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String decision = input.requiredChoice(SCREENING_DECISION, DECISIONS);
		input.requiredChoice(CATEGORY, Arrays.stream(Theme.values()).map(Enum::name).toList());
		input.requiredChoice(PRIORITY, PRIORITIES);
		switch (decision) {
			case "ACCEPT" -> input.requiredChoice(SPONSOR_DEPARTMENT, departments.groupIds());
			case "REJECT" -> input.requiredText(PUBLIC_REASON, 2000);
			case "ASK" -> input.requiredText(QUESTION_TO_CITIZEN, 1000);
			case "DUPLICATE" -> checkDuplicate(input.requiredText(DUPLICATE_OF, 20).toUpperCase(java.util.Locale.ROOT),
					(String) task.getVariable(IDEA_REFERENCE), task);
			default -> throw new IllegalStateException(decision);
		}
	}

	private void checkDuplicate(String otherReference, String ownReference, DelegateTask task) {
		if (!IdeaRules.REFERENCE.matcher(otherReference).matches()) {
			throw FormInput.invalid(DUPLICATE_OF, "'" + otherReference + "' is not an idea reference like IDEA-2026-000123.");
		}
		if (otherReference.equals(ownReference)) {
			throw FormInput.invalid(DUPLICATE_OF, "An idea cannot be a duplicate of itself.");
		}
		if (ideas.findByReference(otherReference).isEmpty()) {
			throw FormInput.invalid(DUPLICATE_OF, "There is no idea " + otherReference + ".");
		}
		task.setVariable(DUPLICATE_OF, otherReference);
	}

}
