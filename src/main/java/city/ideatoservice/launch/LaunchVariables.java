package city.ideatoservice.launch;

/**
 * Names of the process variables of announcement, launch and follow-up: the models and
 * forms use the same names.
 */
public final class LaunchVariables {

	public static final String ANNOUNCEMENT_TYPE = "announcementType";

	public static final String ANNOUNCEMENT_DATE = "announcementDate";

	public static final String ANNOUNCEMENT_LINK = "announcementLink";

	public static final String SERVICE_PUBLIC_URL = "servicePublicUrl";

	public static final String SERVICE_START_DATE = "serviceStartDate";

	public static final String SUSTAINABILITY_DECISION = "sustainabilityDecision";

	public static final String SUSTAINABILITY_NOTES = "sustainabilityNotes";

	private LaunchVariables() {
	}

}
