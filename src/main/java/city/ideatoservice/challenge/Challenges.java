package city.ideatoservice.challenge;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Theme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the challenges with their prizes, jury, criteria and offered datasets, and takes
 * their entries: ideas registered like the portal's, linked to the challenge, only while
 * its window is open (no idea-to-service: the jury judges them).
 */
@Service
public class Challenges {

	public record Prize(int place, String description, BigDecimal amount) {
	}

	public record Criterion(String name, int weight) {
	}

	public record Juror(String userId, String name, String email, boolean chair) {
	}

	public record Definition(String title, Theme sector, String problemStatement, ChallengeFormat format,
			LocalDate opensOn, LocalDate closesOn, String publicText, String definedBy, List<Prize> prizes,
			List<Juror> jurors, List<Criterion> criteria, List<String> datasets) {
	}

	/** An entry taken: the idea, its tracking code (shown once) and the entry. */
	public record Entered(IdeaService.Registration registration, ChallengeEntry entry) {
	}

	/** An entry outside the window (or for a challenge not open): nothing is stored. */
	public static class WindowClosedException extends RuntimeException {

		WindowClosedException(Challenge challenge) {
			super(challenge.status() == ChallengeStatus.PUBLISHED
					? "This challenge takes entries from " + challenge.opensOn() + " to " + challenge.closesOn()
							+ "; it has not opened yet."
					: "This challenge took entries until " + challenge.closesOn() + "; its window is closed.");
		}

	}

	private final ChallengeRepository challenges;

	private final ChallengePrizeRepository prizes;

	private final ChallengeJurorRepository jurors;

	private final ChallengeCriterionRepository criteria;

	private final ChallengeDatasetRepository datasets;

	private final ChallengeEntryRepository entries;

	private final IdeaService ideas;

	private final Clock clock;

	Challenges(ChallengeRepository challenges, ChallengePrizeRepository prizes, ChallengeJurorRepository jurors,
			ChallengeCriterionRepository criteria, ChallengeDatasetRepository datasets,
			ChallengeEntryRepository entries, IdeaService ideas, Clock clock) {
		this.challenges = challenges;
		this.prizes = prizes;
		this.jurors = jurors;
		this.criteria = criteria;
		this.datasets = datasets;
		this.entries = entries;
		this.ideas = ideas;
		this.clock = clock;
	}

	/**
	 * Keeps a new challenge (DRAFT) or replaces the definition of one returned to define.
	 */
	@Transactional
	public Challenge define(Long id, Definition definition) {
		Instant now = clock.instant();
		Challenge existing = id == null ? null : challenges.findById(id).orElseThrow();
		Challenge challenge = challenges.save(new Challenge(id,
				existing == null ? "CH-P-" + UUID.randomUUID().toString().substring(0, 12) : existing.reference(),
				definition.title(), definition.sector(), definition.problemStatement(), definition.format(),
				definition.opensOn(), definition.closesOn(), ChallengeStatus.DRAFT, definition.publicText(), null,
				existing == null ? null : existing.processInstanceId(),
				existing == null ? definition.definedBy() : existing.createdBy(),
				existing == null ? now : existing.createdAt(), now, existing == null ? null : existing.version()));
		if (existing == null) {
			challenge = challenges
				.save(withReference(challenge, "CH-%d-%04d".formatted(Year.now(clock).getValue(), challenge.id())));
		}
		Long challengeId = challenge.id();
		prizes.deleteAll(prizes.findByChallengeIdOrderByPlace(challengeId));
		jurors.deleteAll(jurors.findByChallengeIdOrderById(challengeId));
		criteria.deleteAll(criteria.findByChallengeIdOrderByPosition(challengeId));
		datasets.deleteAll(datasets.findByChallengeIdOrderById(challengeId));
		definition.prizes()
			.forEach(prize -> prizes
				.save(new ChallengePrize(null, challengeId, prize.place(), prize.description(), prize.amount())));
		definition.jurors()
			.forEach(juror -> jurors.save(
					new ChallengeJuror(null, challengeId, juror.userId(), juror.name(), juror.email(), juror.chair())));
		int position = 1;
		for (Criterion criterion : definition.criteria()) {
			criteria.save(new ChallengeCriterion(null, challengeId, position++, criterion.name(), criterion.weight()));
		}
		definition.datasets().forEach(dataset -> datasets.save(new ChallengeDataset(null, challengeId, dataset)));
		return challenge;
	}

	private static Challenge withReference(Challenge c, String reference) {
		return new Challenge(c.id(), reference, c.title(), c.sector(), c.problemStatement(), c.format(), c.opensOn(),
				c.closesOn(), c.status(), c.publicText(), c.publicNote(), c.processInstanceId(), c.createdBy(),
				c.createdAt(), c.updatedAt(), c.version());
	}

	/** A new status, with a public note where there is one (null keeps the note). */
	@Transactional
	public Challenge changeStatus(Long id, ChallengeStatus status, String publicNote, String processInstanceId) {
		Challenge c = challenges.findById(id).orElseThrow();
		return challenges
			.save(new Challenge(c.id(), c.reference(), c.title(), c.sector(), c.problemStatement(), c.format(),
					c.opensOn(), c.closesOn(), status, c.publicText(), publicNote == null ? c.publicNote() : publicNote,
					processInstanceId == null ? c.processInstanceId() : processInstanceId, c.createdBy(), c.createdAt(),
					clock.instant(), c.version()));
	}

	public Challenge require(Long id) {
		return challenges.findById(id).orElseThrow();
	}

	public Optional<Challenge> findByReference(String reference) {
		return challenges.findByReference(reference);
	}

	/**
	 * What the public may see: every challenge once published, the newest window first.
	 */
	public List<Challenge> published() {
		return challenges.findAll()
			.stream()
			.filter(c -> c.status() != ChallengeStatus.DRAFT && c.status() != ChallengeStatus.CANCELLED)
			.sorted(java.util.Comparator.comparing(Challenge::closesOn).reversed())
			.toList();
	}

	public List<ChallengePrize> prizes(Long challengeId) {
		return prizes.findByChallengeIdOrderByPlace(challengeId);
	}

	public List<ChallengeJuror> jurors(Long challengeId) {
		return jurors.findByChallengeIdOrderById(challengeId);
	}

	public List<ChallengeCriterion> criteria(Long challengeId) {
		return criteria.findByChallengeIdOrderByPosition(challengeId);
	}

	public List<ChallengeDataset> datasets(Long challengeId) {
		return datasets.findByChallengeIdOrderById(challengeId);
	}

	public List<ChallengeEntry> entries(Long challengeId) {
		return entries.findByChallengeIdOrderById(challengeId);
	}

	public Optional<ChallengeEntry> entry(Long entryId) {
		return entries.findById(entryId);
	}

	public Optional<ChallengeEntry> entryOfIdea(Long ideaId) {
		return entries.findByIdeaId(ideaId);
	}

	/** Open for entries today: status OPEN and today inside the window. */
	public boolean takesEntries(Challenge challenge) {
		LocalDate today = LocalDate.now(clock);
		return challenge.status() == ChallengeStatus.OPEN && !today.isBefore(challenge.opensOn())
				&& !today.isAfter(challenge.closesOn());
	}

	/**
	 * Registers the idea (channel CHALLENGE, with the citizen's acknowledgement and
	 * tracking code) and links it to the challenge, both or neither; refused outside the
	 * window.
	 */
	@Transactional
	public Entered enter(String reference, IdeaService.NewIdea idea, String teamName, String teamMembers) {
		Challenge challenge = challenges.findByReference(reference).orElseThrow();
		if (!takesEntries(challenge)) {
			throw new WindowClosedException(challenge);
		}
		IdeaService.NewIdea entry = new IdeaService.NewIdea(idea.title(), idea.description(), idea.theme(),
				idea.reach(), Channel.CHALLENGE, idea.citizenName(), idea.citizenEmail(), null, idea.citizenLocale(),
				idea.place(), idea.publicBoard(), idea.privacyAccepted());
		IdeaService.Registration registration = ideas.register(entry);
		ChallengeEntry saved = entries.save(new ChallengeEntry(null, challenge.id(), registration.idea().id(), teamName,
				teamMembers, clock.instant(), null, null, null, null, false));
		return new Entered(registration, saved);
	}

	/** A citizen withdrew the entry's idea. */
	@Transactional
	public void markWithdrawn(ChallengeEntry entry) {
		entries.save(new ChallengeEntry(entry.id(), entry.challengeId(), entry.ideaId(), entry.teamName(),
				entry.teamMembers(), entry.submittedAt(), clock.instant(), entry.score(), entry.ranking(),
				entry.prizeId(), entry.winner()));
	}

}
