package city.ideatoservice.jury;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import city.ideatoservice.challenge.ChallengeCriterion;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeEntryRepository;
import city.ideatoservice.idea.IdeaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranking of a challenge's entries. An entry's score is the mean, over the jurors who
 * scored it (a juror with a declared conflict does not), of Σ(weight × score) / 10: 0 to
 * 100 with weights summing to 100 and scores from 0 to 10. Higher first; equal scores are
 * decided by the higher mean score in the first criterion, then by the chair's casting
 * vote. Withdrawn entries and entries nobody scored get no place.
 */
@Service
public class Ranking {

	private static final int SCALE = 3;

	/** One entry's standing; score and firstCriterion are null when nobody scored it. */
	public record Standing(long entryId, long ideaId, String title, BigDecimal score, BigDecimal firstCriterion,
			int jurors, boolean withdrawn) {

		boolean ranked() {
			return score != null && !withdrawn;
		}

		boolean tiedWith(Standing other) {
			return score.compareTo(other.score) == 0 && firstCriterion.compareTo(other.firstCriterion) == 0;
		}

	}

	/** A standing with its place (null: not ranked). */
	public record Place(Standing standing, Integer place) {
	}

	private final ScoreSheets sheets;

	private final ChallengeEntryRepository entries;

	private final IdeaRepository ideas;

	Ranking(ScoreSheets sheets, ChallengeEntryRepository entries, IdeaRepository ideas) {
		this.sheets = sheets;
		this.entries = entries;
		this.ideas = ideas;
	}

	public List<Standing> standings(long challengeId) {
		List<ChallengeCriterion> criteria = sheets.criteria(challengeId);
		Long first = criteria.isEmpty() ? null : criteria.get(0).id();
		Map<Long, List<ScoreSheets.GivenScores>> byEntry = new HashMap<>();
		for (ScoreSheets.GivenScores given : sheets.scoresOf(challengeId)) {
			byEntry.computeIfAbsent(given.entryId(), id -> new ArrayList<>()).add(given);
		}
		List<Standing> standings = new ArrayList<>();
		for (ChallengeEntry entry : entries.findByChallengeIdOrderById(challengeId)) {
			String title = ideas.findById(entry.ideaId()).map(idea -> idea.title()).orElse("");
			List<ScoreSheets.GivenScores> given = byEntry.getOrDefault(entry.id(), List.of());
			BigDecimal score = null;
			BigDecimal firstMean = null;
			if (!given.isEmpty()) {
				long weighted = 0;
				long firstSum = 0;
				for (ScoreSheets.GivenScores juror : given) {
					for (ChallengeCriterion criterion : criteria) {
						weighted += (long) criterion.weight() * juror.scores().getOrDefault(criterion.id(), 0);
					}
					firstSum += first == null ? 0 : juror.scores().getOrDefault(first, 0);
				}
				score = BigDecimal.valueOf(weighted)
					.divide(BigDecimal.valueOf(10L * given.size()), SCALE, RoundingMode.HALF_UP);
				firstMean = BigDecimal.valueOf(firstSum)
					.divide(BigDecimal.valueOf(given.size()), SCALE, RoundingMode.HALF_UP);
			}
			standings.add(new Standing(entry.id(), entry.ideaId(), title, score, firstMean, given.size(),
					!sheets.inTheRunning(entry)));
		}
		return standings;
	}

	private static final Comparator<Standing> BY_SCORE = Comparator.comparing(Standing::score)
		.thenComparing(Standing::firstCriterion)
		.reversed();

	/**
	 * Groups of ranked entries equal in score and in the first criterion: the chair
	 * decides.
	 */
	public List<List<Standing>> fullTies(List<Standing> standings) {
		List<Standing> ranked = standings.stream().filter(Standing::ranked).sorted(BY_SCORE).toList();
		List<List<Standing>> ties = new ArrayList<>();
		for (int i = 0; i < ranked.size();) {
			int j = i + 1;
			while (j < ranked.size() && ranked.get(j).tiedWith(ranked.get(i))) {
				j++;
			}
			if (j - i > 1) {
				ties.add(ranked.subList(i, j));
			}
			i = j;
		}
		return ties;
	}

	/**
	 * Places 1..n, a full tie ordered by the chair's casting vote (entry ids, best
	 * first).
	 */
	public List<Place> places(List<Standing> standings, List<Long> castingOrder) {
		Comparator<Standing> order = BY_SCORE.thenComparing(standing -> {
			int index = castingOrder.indexOf(standing.entryId());
			return index < 0 ? Integer.MAX_VALUE : index;
		}).thenComparing(Standing::entryId);
		List<Place> places = new ArrayList<>();
		int place = 1;
		for (Standing standing : standings.stream().filter(Standing::ranked).sorted(order).toList()) {
			places.add(new Place(standing, place++));
		}
		standings.stream()
			.filter(standing -> !standing.ranked())
			.forEach(standing -> places.add(new Place(standing, null)));
		return places;
	}

	/**
	 * Writes score and place of every entry; winners and prizes are the chair's to
	 * confirm.
	 */
	@Transactional
	public void record(List<Place> places) {
		for (Place place : places) {
			ChallengeEntry entry = entries.findById(place.standing().entryId()).orElseThrow();
			entries.save(new ChallengeEntry(entry.id(), entry.challengeId(), entry.ideaId(), entry.teamName(),
					entry.teamMembers(), entry.submittedAt(), entry.withdrawnAt(),
					place.standing().withdrawn() ? null : place.standing().score(), place.place(), null, false));
		}
	}

	/**
	 * The chair's confirmation: prize id → entry id, for ranked entries still in the
	 * running.
	 */
	@Transactional
	public void confirmWinners(long challengeId, Map<Long, Long> prizeToEntry) {
		Map<Long, Long> entryToPrize = new LinkedHashMap<>();
		prizeToEntry.forEach((prize, entry) -> entryToPrize.put(entry, prize));
		for (ChallengeEntry entry : entries.findByChallengeIdOrderById(challengeId)) {
			Long prize = entryToPrize.get(entry.id());
			boolean winner = prize != null && entry.ranking() != null && sheets.inTheRunning(entry);
			if (winner || entry.winner() || !Objects.equals(entry.prizeId(), prize)) {
				entries.save(new ChallengeEntry(entry.id(), entry.challengeId(), entry.ideaId(), entry.teamName(),
						entry.teamMembers(), entry.submittedAt(), entry.withdrawnAt(), entry.score(), entry.ranking(),
						winner ? prize : null, winner));
			}
		}
	}

}
