package city.ideatoservice.challenge;

/** The variables of innovation-challenge and the fields of its forms. */
public final class ChallengeVariables {

	public static final String CHALLENGE_ID = "challengeId";

	public static final String CHALLENGE_REFERENCE = "challengeReference";

	public static final String CHALLENGE_TITLE = "challengeTitle";

	public static final String CHALLENGE_SECTOR = "challengeSector";

	public static final String PROBLEM_STATEMENT = "problemStatement";

	public static final String CHALLENGE_FORMAT = "challengeFormat";

	public static final String OPENS_ON = "opensOn";

	public static final String CLOSES_ON = "closesOn";

	public static final String PUBLIC_TEXT = "publicText";

	public static final String PARTNERS = "partners";

	public static final String PRIZES = "prizes";

	public static final String STAFF_JURORS = "staffJurors";

	public static final String EXTERNAL_JURORS = "externalJurors";

	public static final String CRITERIA = "criteria";

	public static final String OFFERED_DATASETS = "offeredDatasets";

	/** The staff who may sit on a jury, by name ("valuesKey": "jurorOptions"). */
	public static final String JUROR_OPTIONS = "jurorOptions";

	public static final String PUBLIC_TEXT_DECISION = "publicTextDecision";

	public static final String PUBLIC_TEXT_COMMENT = "publicTextComment";

	/** Task-local on "Approve public text": the window as people read it. */
	public static final String CHALLENGE_WINDOW = "challengeWindow";

	public static final String OPENS_AT = "challengeOpensAt";

	public static final String CLOSES_AT = "challengeClosesAt";

	public static final String ENTRY_COUNT = "entryCount";

	/** Task-local on "Announce winners". */
	public static final String WINNERS_SUMMARY = "winnersSummary";

	public static final String ANNOUNCEMENT_TEXT = "announcementText";

	public static final String WINNER_ENTRY_IDS = "winnerEntryIds";

	/** On a winner's idea-to-service instance: the challenge it comes from. */
	public static final String FROM_CHALLENGE = "fromChallenge";

	public static final int MAX_CRITERIA = 5;

	public static final int WEIGHT_SUM = 100;

	private ChallengeVariables() {
	}

}
