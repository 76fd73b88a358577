package city.ideatoservice.screening;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.PUBLIC_REASON;
import static city.ideatoservice.screening.ScreeningVariables.DUPLICATE_OF;

import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Merge into existing idea": records which idea this one joins, and tells the citizen
 * which in the public reason.
 */
@Component
public class MergeIdeaDelegate implements JavaDelegate {

	private final IdeaService ideas;

	MergeIdeaDelegate(IdeaService ideas) {
		this.ideas = ideas;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String into = (String) execution.getVariable(DUPLICATE_OF);
		Idea other = ideas.require(into);
		ideas.markMerged((String) execution.getVariable(IDEA_REFERENCE), into);
		execution.setVariable(PUBLIC_REASON, "Your idea has been merged into " + other.reference() + " (\""
				+ other.title() + "\"), which proposes the same. You can follow it there.");
	}

}
