package city.ideatoservice.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.ideatoservice.challenge.Challenge;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeFormat;
import city.ideatoservice.challenge.ChallengePrize;
import city.ideatoservice.challenge.ChallengeStatus;
import city.ideatoservice.challenge.Challenges;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.opendata.PublishedDatasetRepository;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.partner.PublicPartner;
import org.springframework.stereotype.Service;

/**
 * What the public sees of the challenges, for the pages and the API alike: only published
 * ones; winners once announced, with what became of their ideas. No participant's name or
 * e-mail, only the team's name the participants chose to give.
 */
@Service
class PublicChallenges {

	record Summary(String reference, String title, Theme sector, ChallengeFormat format, LocalDate opensOn,
			LocalDate closesOn, ChallengeStatus status, boolean takesEntries) {
	}

	record Prize(int place, String description, BigDecimal amount) {
	}

	record Criterion(String name, int weight) {
	}

	record Dataset(String catalogueId, String title, String url) {
	}

	record Winner(Integer ranking, String ideaReference, String title, String teamName, String prize,
			PublicStatus ideaStatus) {
	}

	record Details(String reference, String title, Theme sector, ChallengeFormat format, String problemStatement,
			String publicText, LocalDate opensOn, LocalDate closesOn, ChallengeStatus status, boolean takesEntries,
			String publicNote, List<Prize> prizes, List<Criterion> criteria, List<PublicPartner> partners,
			List<Dataset> datasets, int entries, List<Winner> winners) {
	}

	private final Challenges challenges;

	private final Partners partners;

	private final PublishedDatasetRepository catalogue;

	private final IdeaRepository ideas;

	PublicChallenges(Challenges challenges, Partners partners, PublishedDatasetRepository catalogue,
			IdeaRepository ideas) {
		this.challenges = challenges;
		this.partners = partners;
		this.catalogue = catalogue;
		this.ideas = ideas;
	}

	List<Summary> summaries() {
		return challenges.published()
			.stream()
			.map(c -> new Summary(c.reference(), c.title(), c.sector(), c.format(), c.opensOn(), c.closesOn(),
					c.status(), challenges.takesEntries(c)))
			.toList();
	}

	/**
	 * For the public board: the challenges open or about to open, and those whose winners
	 * were announced (their page says what became of the winners' ideas).
	 */
	List<Summary> onBoard() {
		return summaries().stream()
			.filter(s -> s.status() == ChallengeStatus.OPEN || s.status() == ChallengeStatus.PUBLISHED
					|| s.status() == ChallengeStatus.ANNOUNCED)
			.toList();
	}

	Optional<Details> details(String reference) {
		return challenges.findByReference(reference)
			.filter(c -> c.status() != ChallengeStatus.DRAFT && c.status() != ChallengeStatus.CANCELLED)
			.map(this::details);
	}

	private Details details(Challenge c) {
		Map<Long, ChallengePrize> prizes = challenges.prizes(c.id())
			.stream()
			.collect(Collectors.toMap(ChallengePrize::id, Function.identity()));
		List<ChallengeEntry> entries = challenges.entries(c.id());
		List<Winner> winners = c.status() != ChallengeStatus.ANNOUNCED ? List.of()
				: entries.stream()
					.filter(ChallengeEntry::winner)
					.sorted(Comparator.comparing(e -> e.ranking() == null ? Integer.MAX_VALUE : e.ranking()))
					.map(e -> {
						Idea idea = ideas.findById(e.ideaId()).orElseThrow();
						ChallengePrize prize = e.prizeId() == null ? null : prizes.get(e.prizeId());
						return new Winner(e.ranking(), idea.reference(), idea.title(), e.teamName(),
								prize == null ? null : prize.description(), idea.status());
					})
					.toList();
		return new Details(c.reference(), c.title(), c.sector(), c.format(), c.problemStatement(), c.publicText(),
				c.opensOn(), c.closesOn(), c.status(), challenges.takesEntries(c), c.publicNote(),
				challenges.prizes(c.id()).stream().map(p -> new Prize(p.place(), p.description(), p.amount())).toList(),
				challenges.criteria(c.id()).stream().map(k -> new Criterion(k.name(), k.weight())).toList(),
				partners.publicChallengePartners(c.id()),
				challenges.datasets(c.id())
					.stream()
					.map(d -> catalogue.findById(d.catalogueId())
						.map(p -> new Dataset(p.catalogueId(), p.title(), "/api/datasets/" + p.catalogueId()))
						.orElse(null))
					.filter(java.util.Objects::nonNull)
					.toList(),
				entries.size(), winners);
	}

}
