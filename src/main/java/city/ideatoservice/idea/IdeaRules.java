package city.ideatoservice.idea;

/**
 * Limits every idea keeps: the portal checks them here, a civil servant's start form in
 * forms/record-idea.form.
 */
public final class IdeaRules {

	public static final int TITLE_MAX = 120;

	public static final int DESCRIPTION_MAX = 4000;

	public static final int NAME_MAX = 100;

	public static final int EMAIL_MAX = 254;

	private IdeaRules() {
	}

}
