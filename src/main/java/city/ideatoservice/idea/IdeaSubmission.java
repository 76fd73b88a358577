package city.ideatoservice.idea;

import static city.ideatoservice.idea.IdeaVariables.IDEA_CHANNEL;
import static city.ideatoservice.idea.IdeaVariables.IDEA_DESCRIPTION;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REACH;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_THEME;
import static city.ideatoservice.idea.IdeaVariables.IDEA_TITLE;

import java.util.Optional;

import city.ideatoservice.process.ProcessKeys;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's idea from the portal: registered and its process started in one transaction, so that either both exist
 * or neither. The same idempotency key twice gives the idea of the first submission.
 */
@Service
public class IdeaSubmission {

	private final IdeaService ideas;

	private final RuntimeService runtimeService;

	IdeaSubmission(IdeaService ideas, RuntimeService runtimeService) {
		this.ideas = ideas;
		this.runtimeService = runtimeService;
	}

	/** The outcome of a submission: the idea, its tracking code (null on a repeat), and whether it is a repeat. */
	public record Submitted(Idea idea, String trackingCode, boolean repeated) {
	}

	@Transactional
	public Submitted submit(IdeaService.NewIdea newIdea) {
		if (newIdea.idempotencyKey() != null) {
			Optional<Idea> earlier = ideas.findByIdempotencyKey(newIdea.idempotencyKey());
			if (earlier.isPresent()) {
				return new Submitted(earlier.get(), null, true);
			}
		}
		IdeaService.Registration registration;
		try {
			registration = ideas.register(newIdea);
		}
		catch (DuplicateKeyException raced) {
			// the same key arrived twice at once: the other request made the idea
			throw new SubmissionRepeatedException();
		}
		Idea idea = registration.idea();
		runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_IDEA_SUBMITTED)
			.processInstanceBusinessKey(idea.reference())
			.setVariables(Variables.createVariables()
				.putValue(IDEA_REFERENCE, idea.reference())
				.putValue(IDEA_TITLE, idea.title())
				.putValue(IDEA_DESCRIPTION, idea.description())
				.putValue(IDEA_THEME, idea.theme().name())
				.putValue(IDEA_REACH, idea.reach().name())
				.putValue(IDEA_CHANNEL, idea.channel().name()))
			.correlateStartMessage();
		return new Submitted(idea, registration.trackingCode(), false);
	}

	/** Two requests with one idempotency key at the same moment: the client retries and gets the first idea. */
	public static class SubmissionRepeatedException extends RuntimeException {

		SubmissionRepeatedException() {
			super("This submission is being processed already; repeat the request to see its reference.");
		}

	}

}
