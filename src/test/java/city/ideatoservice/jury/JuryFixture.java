package city.ideatoservice.jury;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import city.ideatoservice.challenge.Challenge;
import city.ideatoservice.challenge.ChallengeCriterion;
import city.ideatoservice.challenge.ChallengeCriterionRepository;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeEntryRepository;
import city.ideatoservice.challenge.ChallengeFormat;
import city.ideatoservice.challenge.ChallengeJuror;
import city.ideatoservice.challenge.ChallengeJurorRepository;
import city.ideatoservice.challenge.ChallengePrize;
import city.ideatoservice.challenge.ChallengePrizeRepository;
import city.ideatoservice.challenge.ChallengeRepository;
import city.ideatoservice.challenge.ChallengeStatus;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A challenge whose window has closed, made directly in the tables (defining and running
 * a challenge is innovation-challenge's): criteria, prizes, jurors and entries.
 */
@Component
class JuryFixture {

	private static final AtomicInteger NUMBERS = new AtomicInteger();

	final ChallengeRepository challenges;

	final ChallengeCriterionRepository criteria;

	final ChallengePrizeRepository prizes;

	final ChallengeJurorRepository jurors;

	final ChallengeEntryRepository entries;

	final IdeaService ideas;

	final RuntimeService runtime;

	JuryFixture(ChallengeRepository challenges, ChallengeCriterionRepository criteria, ChallengePrizeRepository prizes,
			ChallengeJurorRepository jurors, ChallengeEntryRepository entries, IdeaService ideas,
			RuntimeService runtime) {
		this.challenges = challenges;
		this.criteria = criteria;
		this.prizes = prizes;
		this.jurors = jurors;
		this.entries = entries;
		this.ideas = ideas;
		this.runtime = runtime;
	}

	/** A challenge as the jury finds it; build with the methods below, then start. */
	class Made {

		final Challenge challenge;

		final List<ChallengeCriterion> criteria = new ArrayList<>();

		final List<ChallengePrize> prizes = new ArrayList<>();

		final Map<String, ChallengeJuror> jurors = new HashMap<>();

		final List<ChallengeEntry> entries = new ArrayList<>();

		final List<String> ideaReferences = new ArrayList<>();

		Made(Challenge challenge) {
			this.challenge = challenge;
		}

		String reference() {
			return challenge.reference();
		}

		Made criterion(String name, int weight) {
			criteria.add(JuryFixture.this.criteria
				.save(new ChallengeCriterion(null, challenge.id(), criteria.size() + 1, name, weight)));
			return this;
		}

		Made prize(String description, String amount) {
			prizes.add(JuryFixture.this.prizes.save(new ChallengePrize(null, challenge.id(), prizes.size() + 1,
					description, amount == null ? null : new BigDecimal(amount))));
			return this;
		}

		Made staffJuror(String userId, boolean chair) {
			jurors.put(userId, JuryFixture.this.jurors
				.save(new ChallengeJuror(null, challenge.id(), userId, "Juror " + userId, null, chair)));
			return this;
		}

		Made externalJuror(String name, String email) {
			jurors.put(name,
					JuryFixture.this.jurors.save(new ChallengeJuror(null, challenge.id(), null, name, email, false)));
			return this;
		}

		Made entry(String title, String team) {
			var idea = ideas
				.register(new IdeaService.NewIdea(title, "A description of " + title, Theme.ENVIRONMENT, Reach.CITY,
						Channel.PORTAL, "Entrant", "entrant@example.org", null))
				.idea();
			ideaReferences.add(idea.reference());
			entries.add(JuryFixture.this.entries.save(new ChallengeEntry(null, challenge.id(), idea.id(), team, null,
					Instant.now(), null, null, null, null, false)));
			return this;
		}

		ProcessInstance start() {
			return runtime.startProcessInstanceByKey("challenge-judging", challenge.reference(),
					Map.of(JuryVariables.CHALLENGE_ID, challenge.id(), JuryVariables.CHALLENGE_REFERENCE,
							challenge.reference()));
		}

		ChallengeEntry entry(int index) {
			return JuryFixture.this.entries.findById(entries.get(index).id()).orElseThrow();
		}

	}

	Made challenge(String title) {
		String reference = "CH-J-" + (System.nanoTime() % 100000) + "-" + NUMBERS.incrementAndGet();
		Instant now = Instant.now();
		Challenge challenge = challenges.save(new Challenge(null, reference, title, Theme.ENVIRONMENT,
				"How can the city " + title + "?", ChallengeFormat.CROWDSOURCING, LocalDate.now().minusDays(60),
				LocalDate.now().minusDays(1), ChallengeStatus.JUDGING, null, null, null, "inno", now, now, null));
		return new Made(challenge);
	}

}
