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
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen's idea from the portal: registered and its process started in one
 * transaction, so that either both exist or neither. With an Idempotency-Key, the key is
 * claimed first (see {@link SubmissionClaims}): of any number of requests with one key,
 * one registers the idea; the others get the same answer, or are told that the first is
 * still running.
 */
@Service
public class IdeaSubmission {

	private final IdeaService ideas;

	private final IdeaRepository ideaRepository;

	private final SubmissionClaims claims;

	private final RuntimeService runtimeService;

	private final TransactionTemplate transaction;

	IdeaSubmission(IdeaService ideas, IdeaRepository ideaRepository, SubmissionClaims claims,
			RuntimeService runtimeService, PlatformTransactionManager transactionManager) {
		this.ideas = ideas;
		this.ideaRepository = ideaRepository;
		this.claims = claims;
		this.runtimeService = runtimeService;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * The outcome of a submission: the idea, its tracking code, and whether it is the
	 * repeat of an earlier one.
	 */
	public record Submitted(Idea idea, String trackingCode, boolean repeated) {
	}

	public Submitted submit(IdeaService.NewIdea newIdea) {
		String key = newIdea.idempotencyKey();
		if (key == null) {
			return transaction.execute(status -> registerAndStart(newIdea));
		}
		String requestHash = SubmissionClaims.requestHash(newIdea.title(), newIdea.description(),
				newIdea.theme().name(), newIdea.reach().name(), newIdea.channel().name(), newIdea.citizenName(),
				newIdea.citizenEmail());
		if (newIdea.place() != null || newIdea.publicBoard()) {
			// the portal's fields, only when given: the hashes of earlier API requests
			// stay valid
			requestHash = SubmissionClaims.requestHash(requestHash, newIdea.place(),
					Boolean.toString(newIdea.publicBoard()));
		}
		Optional<SubmissionClaims.Claim> earlier = claims.claim(key, requestHash);
		if (earlier.isPresent()) {
			return repeat(earlier.get(), key, requestHash);
		}
		try {
			return transaction.execute(status -> {
				Submitted submitted = registerAndStart(newIdea);
				claims.complete(key, submitted.idea().id(), submitted.trackingCode());
				return submitted;
			});
		}
		catch (RuntimeException failed) {
			claims.release(key);
			throw failed;
		}
	}

	private Submitted registerAndStart(IdeaService.NewIdea newIdea) {
		IdeaService.Registration registration = ideas.register(newIdea);
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

	private Submitted repeat(SubmissionClaims.Claim earlier, String key, String requestHash) {
		if (earlier.requestHash() != null && !earlier.requestHash().equals(requestHash)) {
			throw new IdempotencyKeyReusedException();
		}
		if (earlier.ideaId() == null) {
			throw new SubmissionRepeatedException();
		}
		Idea idea = ideaRepository.findById(earlier.ideaId()).orElseThrow();
		String trackingCode = earlier.sealedTrackingCode() == null ? null
				: TrackingCodes.unseal(earlier.sealedTrackingCode(), key);
		return new Submitted(idea, trackingCode, true);
	}

	/**
	 * Two requests with one idempotency key at the same moment: the client retries and
	 * gets the first answer.
	 */
	public static class SubmissionRepeatedException extends RuntimeException {

		SubmissionRepeatedException() {
			super("This submission is still being processed. Repeat the request with the same Idempotency-Key in a"
					+ " moment to get its answer.");
		}

	}

	/**
	 * One idempotency key for two different ideas: a client's mistake, never answered
	 * with the other idea.
	 */
	public static class IdempotencyKeyReusedException extends RuntimeException {

		IdempotencyKeyReusedException() {
			super("This Idempotency-Key was used for a different idea. Use a new key for every new idea.");
		}

	}

}
