package city.ideatoservice.launch;

/**
 * Names of the process variables of announcement, launch and the service's life after it:
 * the models and forms use the same names.
 */
public final class LaunchVariables {

	public static final String ANNOUNCEMENT_TYPE = "announcementType";

	public static final String ANNOUNCEMENT_DATE = "announcementDate";

	public static final String ANNOUNCEMENT_LINK = "announcementLink";

	public static final String SERVICE_PUBLIC_URL = "servicePublicUrl";

	public static final String SERVICE_START_DATE = "serviceStartDate";

	public static final String LAUNCHING_DEPARTMENT = "launchingDepartment";

	public static final String SUSTAINABILITY_DECISION = "sustainabilityDecision";

	public static final String SUSTAINABILITY_NOTES = "sustainabilityNotes";

	public static final String IMPROVEMENT_ROUND = "improvementRound";

	public static final String IMPROVEMENT_BRIEF = "improvementBrief";

	public static final String IMPROVEMENT_SUMMARY = "improvementSummary";

	public static final String IMPROVEMENT_FUNDING = "improvementFunding";

	public static final String IMPROVEMENT_CHANGES_DIRECTIVE = "improvementChangesDirective";

	private LaunchVariables() {
	}

}
