package city.ideatoservice.process;

/** Keys of the models in processes/ and the messages they wait for. */
public final class ProcessKeys {

	public static final String IDEA_TO_SERVICE = "idea-to-service";

	public static final String IDEA_SCREENING = "idea-screening";

	public static final String PROTOTYPE = "prototype";

	public static final String SERVICE_APPROVAL = "service-approval";

	public static final String SERVICE_LAUNCH = "service-launch";

	public static final String SERVICE_IMPROVEMENT = "service-improvement";

	public static final String ADOPTION_ROUTE = "adoption-route";

	public static final String FUNDING_REQUEST = "funding-request";

	public static final String DATA_OPENING = "data-opening";

	public static final String COUNCIL_ADOPTION = "council-adoption";

	public static final String INNOVATION_CHALLENGE = "innovation-challenge";

	public static final String CHALLENGE_JUDGING = "challenge-judging";

	public static final String MESSAGE_IDEA_SUBMITTED = "IdeaSubmitted";

	public static final String MESSAGE_CITIZEN_ANSWERED = "CitizenAnswered";

	public static final String MESSAGE_WITHDRAWAL_REQUESTED = "IdeaWithdrawalRequested";

	private ProcessKeys() {
	}

}
