package city.ideatoservice.jury;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.challenge.ChallengeCriterion;
import city.ideatoservice.challenge.ChallengeRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An external juror's scores through their one-time link: checked like a staff juror's
 * form, kept, and the juror's wait in the process ends, all in one transaction.
 */
@Service
public class ExternalScoring {

	/** The message an external juror's wait ends with; one name per score sheet. */
	public static final String SCORES_SUBMITTED = "JuryScoresSubmitted-";

	/** What the page shows: the challenge, the criteria and only this sheet's entries. */
	public record Page(String challengeTitle, List<ChallengeCriterion> criteria, List<ScoreSheets.SheetEntry> entries) {
	}

	public enum LinkState {

		/** no sheet has this token: a guessed link, or one replaced by a newer one */
		UNKNOWN,
		/** scored already, or closed, or expired */
		USED_OR_EXPIRED,
		/** the juror may score */
		OPEN

	}

	private final ScoreSheets sheets;

	private final ChallengeRepository challenges;

	private final RuntimeService runtimeService;

	ExternalScoring(ScoreSheets sheets, ChallengeRepository challenges, RuntimeService runtimeService) {
		this.sheets = sheets;
		this.challenges = challenges;
		this.runtimeService = runtimeService;
	}

	public LinkState state(String token) {
		Optional<ScoreSheets.Sheet> sheet = sheets.byToken(token);
		if (sheet.isEmpty()) {
			return LinkState.UNKNOWN;
		}
		return sheet.get().usable(ScoreSheets.now()) ? LinkState.OPEN : LinkState.USED_OR_EXPIRED;
	}

	/** The page of an open link (empty otherwise). */
	public Optional<Page> page(String token) {
		return sheets.byToken(token).filter(sheet -> sheet.usable(ScoreSheets.now())).map(sheet -> {
			String title = challenges.findById(sheet.challengeId()).orElseThrow().title();
			return new Page(title, sheets.criteria(sheet.challengeId()), sheets.entries(sheet));
		});
	}

	/**
	 * Keeps the scores of an open link's sheet (each entry's fields in the page's order)
	 * and ends the juror's wait; the link works no more.
	 * @throws JuryScoreException naming the entry and criterion that is wrong
	 */
	@Transactional
	public void submit(String token, List<Map<String, Object>> filledIn) {
		ScoreSheets.Sheet sheet = sheets.byToken(token)
			.filter(found -> found.usable(ScoreSheets.now()))
			.orElseThrow(() -> new JuryScoreException("This link was already used or has expired."));
		sheets.record(sheet, sheets.read(sheet, filledIn));
		runtimeService.createMessageCorrelation(SCORES_SUBMITTED + sheet.id()).correlate();
	}

}
