package city.ideatoservice.idea;

/**
 * Names of the process variables of the idea's facts, shown read-only in forms, and its
 * public status: the models and forms use the same names.
 */
public final class IdeaVariables {

	public static final String IDEA_REFERENCE = "ideaReference";

	public static final String IDEA_TITLE = "ideaTitle";

	public static final String IDEA_DESCRIPTION = "ideaDescription";

	public static final String IDEA_THEME = "ideaTheme";

	public static final String IDEA_REACH = "ideaReach";

	public static final String IDEA_CHANNEL = "ideaChannel";

	public static final String SUBMITTER_NAME = "submitterName";

	public static final String SUBMITTER_EMAIL = "submitterEmail";

	public static final String PUBLIC_REASON = "publicReason";

	public static final String IMPROVEMENT_ROUND = "improvementRound";

	public static final String IDEA_ADOPTED = "ideaAdopted";

	public static final String SPONSOR_DEPARTMENT = "sponsorDepartment";

	private IdeaVariables() {
	}

}
