package city.ideatoservice.jury;

/** Variables of the challenge-judging process and its forms. */
public final class JuryVariables {

	public static final String PROCESS_KEY = "challenge-judging";

	public static final String CHALLENGE_ID = "challengeId";

	public static final String CHALLENGE_REFERENCE = "challengeReference";

	public static final String CHALLENGE_TITLE = "challengeTitle";

	/** The element of the jury's multi-instance: one score sheet (juror and batch). */
	public static final String SCORE_SHEET_ID = "scoreSheetId";

	/** The day and time scoring is due (a Date), moved on when the chair waits longer. */
	public static final String SCORING_DEADLINE = "scoringDeadline";

	/** The chair's user id (a staff juror), or null: then the innovation office. */
	public static final String JURY_CHAIR = "juryChair";

	/** The entries of a score sheet (dynamic list of the staff juror's form). */
	public static final String SCORE_SHEET = "scoreSheet";

	public static final String ENTRY_TITLE = "entryTitle";

	public static final String TEAM_NAME = "teamName";

	public static final String IDEA_REFERENCE = "ideaReference";

	public static final String CONFLICT = "conflict";

	public static final String COMMENT = "comment";

	/**
	 * criterion1 .. criterion5 in an entry; the name of criterion n in criterionNName.
	 */
	public static final int MAX_CRITERIA = 5;

	public static final String LATE_JURORS = "lateJurors";

	public static final String LATE_JURORS_DECISION = "lateJurorsDecision";

	public static final String WAIT_UNTIL = "waitUntil";

	public static final String ENTRIES_TIED = "entriesTied";

	public static final String TIED_ENTRIES = "tiedEntries";

	public static final String TIED_ENTRY_IDS = "tiedEntryIds";

	public static final String PLACE = "place";

	/** The chair's casting vote: the entry ids of fully tied entries, best first. */
	public static final String CASTING_ORDER = "castingOrder";

	public static final String RANKING_TABLE = "rankingTable";

	public static final String RANKED_ENTRY_OPTIONS = "rankedEntryOptions";

	/** prize1 .. prize5: the place-ordered prizes of the challenge. */
	public static final int MAX_PRIZES = 5;

	private JuryVariables() {
	}

	public static String criterion(int position) {
		return "criterion" + position;
	}

	public static String criterionName(int position) {
		return "criterion" + position + "Name";
	}

	public static String prizeEntry(int n) {
		return "prize" + n + "Entry";
	}

	public static String prizeLabel(int n) {
		return "prize" + n + "Label";
	}

	public static String prizeId(int n) {
		return "prize" + n + "Id";
	}

}
