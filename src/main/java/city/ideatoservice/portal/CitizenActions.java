package city.ideatoservice.portal;

import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.Challenges;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;

import java.util.Optional;

import city.ideatoservice.idea.CitizenErasure;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.screening.CitizenQuestions;
import city.ideatoservice.screening.ScreeningVariables;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a citizen who holds an idea's tracking code may do with it, for the pages and the
 * API alike: answer the screener's question, withdraw the idea, erase their data.
 */
@Service
class CitizenActions {

	/** Why an answer was not taken. */
	enum AnswerRefused {

		NO_OPEN_QUESTION, TOO_LATE

	}

	private final CitizenQuestions questions;

	private final RuntimeService runtimeService;

	private final CitizenErasure erasure;

	private final Challenges challenges;

	private final IdeaService ideas;

	CitizenActions(CitizenQuestions questions, RuntimeService runtimeService, CitizenErasure erasure,
			Challenges challenges, IdeaService ideas) {
		this.challenges = challenges;
		this.ideas = ideas;
		this.questions = questions;
		this.runtimeService = runtimeService;
		this.erasure = erasure;
	}

	/** Records the answer and lets the screening go on; empty when it was taken. */
	@Transactional
	Optional<AnswerRefused> answer(Idea idea, String answer) {
		if (!questions.answer(idea, answer)) {
			return Optional.of(AnswerRefused.NO_OPEN_QUESTION);
		}
		try {
			runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_CITIZEN_ANSWERED)
				.processInstanceBusinessKey(idea.reference())
				.setVariable(ScreeningVariables.CITIZEN_ANSWER, answer)
				.correlate();
		}
		catch (MismatchingMessageCorrelationException tooLate) {
			// the recorded answer goes back with the transaction
			throw new AnswerTooLate();
		}
		return Optional.empty();
	}

	/**
	 * Asks the idea's process to withdraw it; false when it can no longer be withdrawn.
	 * Not in a transaction of its own: the engine's refusal would mark it for rollback.
	 */
	boolean withdraw(Idea idea) {
		Optional<ChallengeEntry> entry = challenges.entryOfIdea(idea.id());
		if (entry.isPresent() && idea.status() == PublicStatus.SUBMITTED
				&& runtimeService.createProcessInstanceQuery()
					.processInstanceBusinessKey(idea.reference())
					.count() == 0) {
			// a challenge's entry has no process of its own until it wins
			challenges.markWithdrawn(entry.get());
			ideas.changeStatus(idea.reference(), PublicStatus.WITHDRAWN, null);
			return true;
		}
		try {
			runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_WITHDRAWAL_REQUESTED)
				.processInstanceBusinessKey(idea.reference())
				.correlate();
			return true;
		}
		catch (MismatchingMessageCorrelationException notWithdrawable) {
			return false;
		}
	}

	/**
	 * Erases the citizen's name and e-mail; the idea and its public history stay. False
	 * when there is nothing (left) to erase.
	 */
	boolean erase(Idea idea) {
		return erasure.eraseCitizenOf(idea.reference());
	}

	/** The question's time has passed: the answer is not kept. */
	static class AnswerTooLate extends RuntimeException {

		AnswerTooLate() {
			super("The time to answer this question has passed.");
		}

	}

}
