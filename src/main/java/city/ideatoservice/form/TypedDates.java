package city.ideatoservice.form;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a person in a European city types it, day.month.year, or ISO; shown as
 * day.month.year. The one reading of typed dates for the task forms and the staff pages.
 */
public final class TypedDates {

	/** How pages and messages show a day. */
	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

	private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private TypedDates() {
	}

	/** The day typed, or null: not day.month.year nor ISO, or no such day (31.02.). */
	public static LocalDate parse(String typed) {
		String text = typed == null ? "" : typed.strip();
		try {
			Matcher dotted = DOTTED.matcher(text);
			if (dotted.matches()) {
				return LocalDate.of(Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
						Integer.parseInt(dotted.group(1)));
			}
			return ISO.matcher(text).matches() ? LocalDate.parse(text) : null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
