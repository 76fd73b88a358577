package city.ideatoservice.screening;

import java.time.Clock;
import java.util.Optional;

import city.ideatoservice.idea.Idea;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screener's open question to a citizen, as the tracking page shows it and the
 * citizen answers it.
 */
@Service
public class CitizenQuestions {

	private final CitizenQuestionRepository questions;

	private final Clock clock;

	CitizenQuestions(CitizenQuestionRepository questions, Clock clock) {
		this.questions = questions;
		this.clock = clock;
	}

	public Optional<String> openQuestion(Idea idea) {
		if (idea.status() != city.ideatoservice.idea.PublicStatus.IN_REVIEW) {
			return Optional.empty();
		}
		return questions.findFirstByIdeaIdAndAnsweredAtIsNullOrderByAskedAtDesc(idea.id())
			.map(CitizenQuestion::question);
	}

	/** Records the answer; false when no question is open. */
	@Transactional
	public boolean answer(Idea idea, String answer) {
		return questions.findFirstByIdeaIdAndAnsweredAtIsNullOrderByAskedAtDesc(idea.id()).map(question -> {
			questions.save(question.answered(answer, clock.instant()));
			return true;
		}).orElse(false);
	}

}
