package city.ideatoservice.idea;

import java.util.regex.Pattern;

/** Limits every idea keeps, whether it comes from the portal or from a civil servant's start form. */
public final class IdeaRules {

	public static final int TITLE_MAX = 120;

	public static final int DESCRIPTION_MAX = 4000;

	public static final int NAME_MAX = 100;

	public static final int EMAIL_MAX = 254;

	/** One line, no control characters: a title or name ends up in e-mail subjects and headers. */
	public static final Pattern SINGLE_LINE = Pattern.compile("[^\\p{Cntrl}]*");

	/** A pragmatic address check (local@domain.tld); the mail server has the last word. */
	public static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

	public static final Pattern REFERENCE = Pattern.compile("IDEA-\\d{4}-\\d{6}");

	private IdeaRules() {
	}

}
