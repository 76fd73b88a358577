package city.ideatoservice.screening;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.screening.ScreeningVariables.CITIZEN_ANSWER;
import static city.ideatoservice.screening.ScreeningVariables.QUESTION_TO_CITIZEN;

import java.time.Clock;

import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Ask citizen a question": the question waits on the citizen's tracking page until
 * answered or timed out.
 */
@Component
public class AskCitizenDelegate implements JavaDelegate {

	private final IdeaService ideas;

	private final CitizenQuestionRepository questions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AskCitizenDelegate(IdeaService ideas, CitizenQuestionRepository questions, Clock clock,
			ApplicationEventPublisher events) {
		this.ideas = ideas;
		this.questions = questions;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = (String) execution.getVariable(IDEA_REFERENCE);
		Long ideaId = ideas.require(reference).id();
		String question = (String) execution.getVariable(QUESTION_TO_CITIZEN);
		questions.save(new CitizenQuestion(null, ideaId, question, clock.instant(), null, null));
		events.publishEvent(new CitizenAsked(ideaId, reference, question));
		execution.removeVariable(CITIZEN_ANSWER);
	}

}
