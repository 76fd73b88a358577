package city.ideatoservice.codesign;

/**
 * Names of the process variables of co-design: champion, sessions, milestones,
 * checkpoints, pilot: the models and forms use the same names.
 */
public final class CodesignVariables {

	public static final String CHAMPION = "champion";

	public static final String SESSION_FORMAT = "sessionFormat";

	public static final String SESSION_DATE = "sessionDate";

	public static final String SESSION_PLACE = "sessionPlace";

	public static final String SESSION_PARTICIPANTS = "sessionParticipants";

	public static final String CODESIGN_OUTCOME = "codesignOutcome";

	public static final String OBJECTIVES = "objectives";

	public static final String MILESTONES = "milestones";

	public static final String MILESTONE_DUE = "milestoneDue";

	/** The day the pilot with citizens is planned to start (optional). */
	public static final String PILOT_START_DATE = "pilotStartDate";

	public static final String CHECKPOINT_DECISION = "checkpointDecision";

	public static final String CHECKPOINT_NOTES = "checkpointNotes";

	public static final String ADOPTION_RECOMMENDATION = "adoptionRecommendation";

	private CodesignVariables() {
	}

}
