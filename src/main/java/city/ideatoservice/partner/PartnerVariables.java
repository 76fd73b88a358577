package city.ideatoservice.partner;

/**
 * Names of the process variables and form fields of the partnership: the forms use the
 * same names.
 */
public final class PartnerVariables {

	/** Co-design: the partners of the idea (dynamic list). */
	public static final String PARTNERS = "partners";

	/** Checkpoint: each current partner's view (dynamic list, one entry per partner). */
	public static final String PARTNER_VIEWS = "partnerViews";

	/** Checkpoint: the current partners, for the choice of who leaves. */
	public static final String PARTNER_OPTIONS = "partnerOptions";

	/** Checkpoint: the partners the views are about, in the order of the views. */
	public static final String CHECKPOINT_PARTNER_IDS = "checkpointPartnerIds";

	public static final String CHANGE_PARTNERSHIP = "changePartnership";

	public static final String LEAVING_PARTNERS = "leavingPartners";

	public static final String NEW_PARTNERS = "newPartners";

	/** Fields of a partner entry and of a view entry. */
	public static final String ORGANISATION = "organisation";

	public static final String KIND = "kind";

	public static final String CONTACT_PERSON = "contactPerson";

	public static final String EMAIL = "email";

	public static final String ROLE = "role";

	public static final String PUBLIC_LISTING = "publicListing";

	public static final String OPINION = "opinion";

	public static final String OPINION_COMMENT = "opinionComment";

	private PartnerVariables() {
	}

}
