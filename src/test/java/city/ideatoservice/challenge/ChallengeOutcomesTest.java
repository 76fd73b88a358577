package city.ideatoservice.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.transparency.ChallengeFigures;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import java.time.format.DateTimeFormatter;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The challenges on the city's figures page: open ones counted, each public challenge
 * with its entries, winners and the winners' ideas still on their way; a draft is not
 * shown.
 */
@IdeaToServiceTest
class ChallengeOutcomesTest {

	private static final AtomicInteger NUMBERS = new AtomicInteger();

	@Autowired
	ChallengeFigures figures;

	@Autowired
	ChallengeRepository challenges;

	@Autowired
	ChallengeEntryRepository entries;

	@Autowired
	IdeaService ideas;

	@Autowired
	MockMvc mvc;

	@Test
	void theBoardListsOpenAndAnnouncedChallengesWithTheirWindow() throws Exception {
		Challenge open = challenge("Cooler bus stops", ChallengeStatus.OPEN);
		Challenge announced = challenge("Safer school streets", ChallengeStatus.ANNOUNCED);
		Challenge draft = challenge("A draft nobody sees", ChallengeStatus.DRAFT);
		String window = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(open.opensOn());

		String board = mvc.perform(get("/ideas").header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(board).contains("Cooler bus stops", "/challenges/" + open.reference(), "Offen für Beiträge")
			.contains("Safer school streets", "Gewinner und was aus ihren Ideen wurde")
			.doesNotContain(draft.title());
		assertThat(board).contains(announced.reference());
		assertThat(board).as("the window, day first").contains(window);
	}

	@Test
	void eachPublicChallengeWithItsEntriesAndWhatBecameOfItsWinners() {
		long openBefore = figures.summary().open();
		Challenge announced = challenge("Shade on the squares", ChallengeStatus.ANNOUNCED);
		Idea first = entry(announced, true);
		Idea second = entry(announced, true);
		entry(announced, false);
		Idea withdrawnEarly = entry(announced, false);
		entries.findByIdeaId(withdrawnEarly.id())
			.ifPresent(e -> entries.save(new ChallengeEntry(e.id(), e.challengeId(), e.ideaId(), e.teamName(),
					e.teamMembers(), e.submittedAt(), Instant.now(), null, null, null, false)));
		ideas.changeStatus(first.reference(), PublicStatus.CO_DESIGN, null);
		ideas.changeStatus(second.reference(), PublicStatus.WITHDRAWN, "The team moved away.");
		Challenge open = challenge("Quieter nights", ChallengeStatus.OPEN);
		Challenge draft = challenge("Not yet public", ChallengeStatus.DRAFT);

		ChallengeFigures.Summary summary = figures.summary();

		assertThat(summary.open()).isEqualTo(openBefore + 1);
		assertThat(summary.challenges()).extracting(ChallengeFigures.Challenge::reference)
			.contains(announced.reference(), open.reference())
			.doesNotContain(draft.reference());
		assertThat(summary.challenges()).filteredOn(c -> c.reference().equals(announced.reference()))
			.singleElement()
			.satisfies(c -> {
				assertThat(c.title()).isEqualTo("Shade on the squares");
				assertThat(c.status()).isEqualTo("ANNOUNCED");
				// the entry withdrawn before the close does not count
				assertThat(c.entries()).isEqualTo(3);
				assertThat(c.winners()).isEqualTo(2);
				// one winner in co-design, the other withdrew
				assertThat(c.winnersContinuing()).isEqualTo(1);
			});
	}

	private Challenge challenge(String title, ChallengeStatus status) {
		Instant now = Instant.now();
		return challenges.save(new Challenge(null,
				"CH-O-" + (System.nanoTime() % 100000) + "-" + NUMBERS.incrementAndGet(), title, Theme.ENVIRONMENT,
				"How can the city " + title + "?", ChallengeFormat.HACKATHON, LocalDate.now().minusDays(10),
				LocalDate.now().plusDays(10), status, "The public text", null, null, "inno", now, now, null));
	}

	private Idea entry(Challenge challenge, boolean winner) {
		Idea idea = ideas
			.register(new IdeaService.NewIdea("Entry to " + challenge.title(), "An entry.", Theme.ENVIRONMENT,
					Reach.CITY, Channel.PORTAL, null, null, null))
			.idea();
		entries.save(new ChallengeEntry(null, challenge.id(), idea.id(), null, null, Instant.now(), null, null,
				winner ? 1 : null, null, winner));
		return idea;
	}

}
