package city.ideatoservice.process;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reads what a person submitted in a form and rejects what is wrong with a message they can act on. Tasklist shows
 * the message; the REST API answers 400 (a FormFieldValidationException), and the task stays open with nothing
 * written.
 */
public final class FormInput {

	private final VariableScope scope;

	private FormInput(VariableScope scope) {
		this.scope = scope;
	}

	public static FormInput of(VariableScope scope) {
		return new FormInput(scope);
	}

	public static FormFieldValidationException invalid(String field, String message) {
		return new FormFieldValidationException(field, message);
	}

	public String optionalText(String field, int maxLength) {
		Object value = scope.getVariable(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw invalid(field, "'" + field + "' must be text.");
		}
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.length() > maxLength) {
			throw invalid(field, "'" + field + "' is " + trimmed.length() + " characters long; at most " + maxLength
					+ " are allowed.");
		}
		return trimmed;
	}

	public String requiredText(String field, int maxLength) {
		String text = optionalText(field, maxLength);
		if (text == null) {
			throw invalid(field, "Please fill in '" + field + "'.");
		}
		return text;
	}

	public String requiredChoice(String field, Collection<String> allowed) {
		Object value = scope.getVariable(field);
		if (!(value instanceof String choice) || !allowed.contains(choice)) {
			throw invalid(field, "Please choose '" + field + "': one of " + String.join(", ", allowed) + ".");
		}
		return choice;
	}

	public LocalDate requiredDate(String field) {
		Object value = scope.getVariable(field);
		if (value instanceof java.util.Date date) {
			return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				// Camunda Forms send dates as yyyy-MM-dd; tolerate a date-time and keep its date
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException ex) {
				throw invalid(field, "'" + field + "' must be a date like 2027-03-31, not '" + text + "'.");
			}
		}
		throw invalid(field, "Please give a date for '" + field + "'.");
	}

	public URI requiredWebAddress(String field) {
		String text = requiredText(field, 500);
		try {
			URI uri = URI.create(text);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw invalid(field, "'" + field + "' must be a web address starting with https://, not '" + text + "'.");
	}

	/** A number typed in a form: Tasklist sends Integer, Long or Double, the REST API may send a String. */
	public java.math.BigDecimal requiredAmount(String field, java.math.BigDecimal min, java.math.BigDecimal max) {
		Object value = scope.getVariable(field);
		java.math.BigDecimal amount;
		try {
			if (value == null) {
				throw invalid(field, "Please give an amount for '" + field + "'.");
			}
			else if (value instanceof Integer || value instanceof Long) {
				amount = java.math.BigDecimal.valueOf(((Number) value).longValue());
			}
			else if (value instanceof Double d) {
				amount = java.math.BigDecimal.valueOf(d);
			}
			else if (value instanceof java.math.BigDecimal b) {
				amount = b;
			}
			else if (value instanceof String s) {
				amount = new java.math.BigDecimal(s.strip());
			}
			else {
				throw invalid(field, "'" + field + "' must be a number.");
			}
		}
		catch (NumberFormatException ex) {
			throw invalid(field, "'" + field + "' must be a number, not '" + value + "'.");
		}
		if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
			throw invalid(field, "'" + field + "' has more than two decimal places.");
		}
		if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
			throw invalid(field, "'" + field + "' must be between " + min + " and " + max + ".");
		}
		return amount;
	}

	/**
	 * A list from a checklist, taglist or dynamic list: Tasklist sends it as a Json variable (Spin), Java callers as
	 * a List.
	 */
	public List<Object> list(String field) {
		Object value = scope.getVariable(field);
		if (value == null) {
			return List.of();
		}
		if (value instanceof SpinJsonNode json) {
			return fromJson(field, json);
		}
		if (value instanceof JsonValue json) {
			return fromJson(field, json.getValue());
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list);
		}
		throw invalid(field, "'" + field + "' must be a list.");
	}

	private static List<Object> fromJson(String field, SpinJsonNode json) {
		if (!json.isArray()) {
			throw invalid(field, "'" + field + "' must be a list.");
		}
		return json.mapTo(List.class);
	}

	/** Items of a dynamic list, each an object with text fields. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> items(String field) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Object item : list(field)) {
			if (!(item instanceof Map<?, ?> map)) {
				throw invalid(field, "Each entry of '" + field + "' must have its fields filled in.");
			}
			items.add((Map<String, Object>) map);
		}
		return items;
	}

	public List<String> choices(String field, Set<String> allowed) {
		List<String> chosen = new ArrayList<>();
		for (Object item : list(field)) {
			if (!(item instanceof String choice) || !allowed.contains(choice)) {
				throw invalid(field, "'" + item + "' is not a valid choice for '" + field + "'.");
			}
			chosen.add(choice);
		}
		return chosen;
	}

	public static String itemText(String field, int index, Map<String, Object> item, String key, int maxLength) {
		Object value = item.get(key);
		if (!(value instanceof String text) || text.isBlank()) {
			throw invalid(field, "Entry " + (index + 1) + " of '" + field + "' needs a '" + key + "'.");
		}
		if (text.strip().length() > maxLength) {
			throw invalid(field, "The '" + key + "' of entry " + (index + 1) + " of '" + field + "' is longer than "
					+ maxLength + " characters.");
		}
		return text.strip();
	}

}
