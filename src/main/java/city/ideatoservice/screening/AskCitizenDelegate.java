package city.ideatoservice.screening;

import static city.ideatoservice.process.ProcessVariables.CITIZEN_ANSWER;
import static city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.QUESTION_TO_CITIZEN;

import java.time.Clock;

import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ask citizen a question": the question waits on the citizen's tracking page until answered or timed out. */
@Component
public class AskCitizenDelegate implements JavaDelegate {

	private final IdeaService ideas;

	private final CitizenQuestionRepository questions;

	private final Clock clock;

	AskCitizenDelegate(IdeaService ideas, CitizenQuestionRepository questions, Clock clock) {
		this.ideas = ideas;
		this.questions = questions;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long ideaId = ideas.require((String) execution.getVariable(IDEA_REFERENCE)).id();
		String question = (String) execution.getVariable(QUESTION_TO_CITIZEN);
		questions.save(new CitizenQuestion(null, ideaId, question, clock.instant(), null, null));
		execution.removeVariable(CITIZEN_ANSWER);
	}

}
