package city.ideatoservice.idea;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps ideas, their citizens and their public status history. */
@Service
public class IdeaService {

	private final IdeaRepository ideas;

	private final CitizenRepository citizens;

	private final StatusChangeRepository statusChanges;

	private final ReferenceNumbers referenceNumbers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IdeaService(IdeaRepository ideas, CitizenRepository citizens, StatusChangeRepository statusChanges,
			ReferenceNumbers referenceNumbers, ApplicationEventPublisher events, Clock clock) {
		this.ideas = ideas;
		this.citizens = citizens;
		this.statusChanges = statusChanges;
		this.referenceNumbers = referenceNumbers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a citizen or a civil servant submitted, already validated. The place, the
	 * consent to the public board and to the privacy notice come from the portal's form.
	 */
	public record NewIdea(String title, String description, Theme theme, Reach reach, Channel channel,
			String citizenName, String citizenEmail, String idempotencyKey, String citizenLocale, String place,
			boolean publicBoard, boolean privacyAccepted) {

		public NewIdea(String title, String description, Theme theme, Reach reach, Channel channel, String citizenName,
				String citizenEmail, String idempotencyKey, String citizenLocale) {
			this(title, description, theme, reach, channel, citizenName, citizenEmail, idempotencyKey, citizenLocale,
					null, false, false);
		}

		public NewIdea(String title, String description, Theme theme, Reach reach, Channel channel, String citizenName,
				String citizenEmail, String idempotencyKey) {
			this(title, description, theme, reach, channel, citizenName, citizenEmail, idempotencyKey, null);
		}

	}

	/**
	 * A registered idea and the tracking code to give the citizen (shown once, never
	 * stored in clear).
	 */
	public record Registration(Idea idea, String trackingCode) {
	}

	/** Registers a new idea in status SUBMITTED. */
	@Transactional
	public Registration register(NewIdea newIdea) {
		Instant now = clock.instant();
		Long citizenId = null;
		String trackingCode = null;
		if (newIdea.citizenName() != null || newIdea.citizenEmail() != null) {
			citizenId = citizens
				.save(new Citizen(null, newIdea.citizenName(), newIdea.citizenEmail(), newIdea.citizenLocale(), now,
						null))
				.id();
		}
		if (newIdea.channel() == Channel.PORTAL || newIdea.channel() == Channel.CHALLENGE
				|| newIdea.citizenEmail() != null) {
			trackingCode = TrackingCodes.newCode();
		}
		Idea idea = ideas.save(new Idea(null, referenceNumbers.next(), newIdea.title(), newIdea.description(),
				newIdea.theme(), newIdea.reach(), newIdea.channel(), PublicStatus.SUBMITTED,
				// the Idempotency-Key is kept only hashed, in submission_claim
				trackingCode == null ? null : TrackingCodes.hash(trackingCode), null, citizenId, null, now, now, null,
				newIdea.place(), newIdea.publicBoard(), newIdea.privacyAccepted() ? now : null));
		recordChange(idea, PublicStatus.SUBMITTED, null, now, false);
		events.publishEvent(new IdeaRegistered(idea.id(), idea.reference(), idea.title(), citizenId, trackingCode));
		return new Registration(idea, trackingCode);
	}

	public Optional<Idea> findByReference(String reference) {
		return ideas.findByReference(reference);
	}

	public Optional<Idea> findByTrackingCode(String trackingCode) {
		if (trackingCode == null || trackingCode.isBlank() || trackingCode.length() > 40) {
			return Optional.empty();
		}
		return ideas.findByTrackingCodeHash(TrackingCodes.hash(trackingCode));
	}

	public Idea require(String reference) {
		return ideas.findByReference(reference)
			.orElseThrow(() -> new IllegalStateException("No idea with reference " + reference));
	}

	public List<StatusChange> history(Idea idea) {
		return statusChanges.findByIdeaIdOrderByChangedAtAscIdAsc(idea.id());
	}

	/**
	 * Changes the public status and keeps the change with its time. The same status again
	 * is not a change, unless it brings a public note (an improvement round of a live
	 * service stays LIVE, with the note what changed). A status after adoption never goes
	 * back to one before it.
	 */
	@Transactional
	public Idea changeStatus(String reference, PublicStatus status, String publicReason) {
		Idea idea = require(reference);
		if (idea.status() == status && publicReason == null) {
			return idea;
		}
		if (idea.status().isAdopted() && !status.isAdopted()) {
			throw new IllegalStateException("The idea " + reference + " is " + idea.status() + " and cannot go back to "
					+ status + ": an adopted idea never goes back.");
		}
		Instant now = clock.instant();
		Idea changed = ideas.save(idea.withStatus(status, now));
		recordChange(changed, status, publicReason, now, idea.status() == status);
		return changed;
	}

	@Transactional
	public Idea markMerged(String reference, String intoReference) {
		return ideas.save(require(reference).withMergedInto(intoReference, clock.instant()));
	}

	private void recordChange(Idea idea, PublicStatus status, String publicReason, Instant at, boolean noteOnly) {
		statusChanges.save(new StatusChange(null, idea.id(), status, publicReason, at));
		events.publishEvent(new IdeaStatusChanged(idea.id(), idea.reference(), status, publicReason, at, noteOnly));
	}

}
