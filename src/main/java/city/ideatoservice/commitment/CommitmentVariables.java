package city.ideatoservice.commitment;

/**
 * Names of the fields of "Plan public commitment": the form uses the same names.
 */
public final class CommitmentVariables {

	public static final String COMMITMENT_MOMENT = "commitmentMoment";

	public static final String SPONSOR_NAME = "politicalSponsorName";

	public static final String SPONSOR_OFFICE = "politicalSponsorOffice";

	public static final String COMMITMENT_DATE = "commitmentDate";

	public static final String COMMITMENT_PROMISE = "commitmentPromise";

	private CommitmentVariables() {
	}

}
