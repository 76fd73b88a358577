package city.ideatoservice.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;

import city.ideatoservice.organisation.Departments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names and figures as the pages show them in their language ({@code @portalNames} in the
 * templates): departments by name instead of their group ids, dates as dd.MM.yyyy in
 * German and ISO (yyyy-MM-dd) otherwise, amounts in euros.
 */
@Component("portalNames")
class PortalNames {

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Departments departments;

	private final MessageSource messages;

	PortalNames(Departments departments, MessageSource messages) {
		this.departments = departments;
		this.messages = messages;
	}

	/**
	 * A department (by its id or any of its groups) or a city-wide group (legal, it,
	 * finance, ...) by name; an unknown id as it is.
	 */
	public String group(String id, Locale locale) {
		if (id == null) {
			return null;
		}
		return departments.byAnyGroup(id)
			.or(() -> departments.all().stream().filter(d -> d.id().equals(id)).findFirst())
			.map(department -> Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? department.nameDe()
					: department.name())
			.orElseGet(() -> messages.getMessage("group." + id, null, id, locale));
	}

	/** A comma-separated list of groups, as a directive keeps them, by name. */
	public String groups(String ids, Locale locale) {
		if (ids == null || ids.isBlank()) {
			return null;
		}
		return Arrays.stream(ids.split("[,;]"))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.map(id -> group(id, locale))
			.collect(Collectors.joining(", "));
	}

	public String date(LocalDate date, Locale locale) {
		if (date == null) {
			return null;
		}
		return Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? GERMAN.format(date) : date.toString();
	}

	public String day(java.time.Instant instant, Locale locale) {
		return instant == null ? null : date(PublicIdeas.day(instant), locale);
	}

	public String euros(Long cents, Locale locale) {
		if (cents == null) {
			return null;
		}
		NumberFormat format = NumberFormat
			.getCurrencyInstance(locale.getLanguage().equals("de") ? Locale.GERMANY : Locale.forLanguageTag("en-IE"));
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(BigDecimal.valueOf(cents, 2));
	}

}
