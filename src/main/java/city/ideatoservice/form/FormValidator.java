package city.ideatoservice.form;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Checks submitted values against a Camunda Form, so that the form is the one place its
 * rules are written: required, min/max, minLength/maxLength, pattern, e-mail and phone,
 * the allowed values (static, valuesKey, valuesExpression), numbers, dates, dynamic lists
 * and groups. A field hidden by its condition is neither required nor kept; disabled and
 * read-only fields are not input. Messages name the field by the label the person saw.
 * FEEL expressions ({@code =...}) are evaluated with the FEEL engine Camunda ships for
 * DMN (feel-scala).
 */
public final class FormValidator {

	static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
			"checkbox", "checklist", "taglist");

	/**
	 * Components that hold no input (or input the server cannot check, like a computed
	 * expression field).
	 */
	static final Set<String> NOT_INPUT = Set.of("default", "group", "dynamiclist", "text", "html", "image", "spacer",
			"separator", "button", "iframe", "table", "expression", "documentPreview");

	/**
	 * The e-mail rule of the portal: local@domain.tld, no spaces or control characters.
	 */
	static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

	/**
	 * An international number as Tasklist asks for it: + or 00, then 7 to 15 digits
	 * (E.164).
	 */
	static final Pattern PHONE = Pattern.compile("(\\+|00)[1-9][0-9]{6,14}");

	private static final List<String> EXPRESSION_RULES = List.of("min", "max", "minLength", "maxLength");

	private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

	private final Supplier<LocalDate> today;

	/**
	 * @param today the day a date field's "no past dates" is measured against (the
	 * engine's clock)
	 */
	public FormValidator(Supplier<LocalDate> today) {
		this.today = today;
	}

	/**
	 * What a submission must not keep: the keys of hidden fields, and dynamic lists
	 * without the hidden fields of their entries; and the keys the person may fill in
	 * (shown, neither disabled nor read-only; a dynamic list by its path).
	 */
	public record Result(Set<String> hidden, Map<String, List<Map<String, Object>>> cleanedLists, Set<String> editable,
			Map<String, Object> normalized) {
	}

	/**
	 * A typed date: a text field with the custom property {@code "format": "date"} takes
	 * day.month.year (or ISO) whatever the browser's language, and is stored as ISO. The
	 * date picker of form-js follows the browser's locale (mm/dd/yyyy in en-US), where a
	 * typed 15.01.2027 silently becomes another date.
	 */
	static final String DATE_FORMAT = "date";

	/** A web address: http(s), a host, no spaces. */
	static final String URL_FORMAT = "url";

	/** A text on one line: no tabs, line breaks or other control characters. */
	static final String ONE_LINE_FORMAT = "oneLine";

	/**
	 * Keywords separated by commas: at most {@link #MAX_KEYWORDS}, each at most
	 * {@link #MAX_KEYWORD_LENGTH} characters.
	 */
	static final String KEYWORDS_FORMAT = "keywords";

	/** An idea's reference, IDEA-year-number. */
	static final String IDEA_REFERENCE_FORMAT = "ideaReference";

	static final Set<String> FORMATS = Set.of(DATE_FORMAT, URL_FORMAT, ONE_LINE_FORMAT, KEYWORDS_FORMAT,
			IDEA_REFERENCE_FORMAT);

	static final int MAX_KEYWORDS = 20;

	static final int MAX_KEYWORD_LENGTH = 50;

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern IDEA_REFERENCE = Pattern.compile("IDEA-[0-9]{4}-[0-9]{6}");

	static boolean isWebAddress(String text) {
		if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			return false;
		}
		try {
			java.net.URI uri = new java.net.URI(text);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/** How far ahead a typed date may be: further is a typo. */
	static final int MAX_YEARS_AHEAD = 10;

	private static final java.time.format.DateTimeFormatter DAY = TypedDates.DAY;

	/**
	 * Checks the values (all variables the form sees) against the form.
	 * @throws FormFieldValidationException naming the field's key (a dynamic list's path
	 * for its entries' fields) and, in the message, its label
	 */
	public Result validate(CamundaForm form, Map<String, Object> values) {
		Check check = new Check(form);
		Scope root = new Scope(values, feelContext(values), "", null);
		Set<String> hidden = new LinkedHashSet<>();
		Map<String, List<Map<String, Object>>> cleaned = new LinkedHashMap<>();
		check.components(form.components(), root, hidden, cleaned);
		return new Result(hidden, cleaned, check.editable, check.normalized);
	}

	/**
	 * What the validator cannot check in this form, one sentence each naming form and
	 * field: FEEL expressions it cannot evaluate and fields it does not understand. The
	 * application reports them when it starts.
	 */
	public List<String> problems(CamundaForm form) {
		List<String> problems = new ArrayList<>();
		problems(form, form.components(), problems);
		return problems;
	}

	private void problems(CamundaForm form, JsonNode components, List<String> problems) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			String where = "Form '" + form.id() + "', field '" + label(component) + "'";
			if (!INPUTS.contains(type) && !NOT_INPUT.contains(type) && component.hasNonNull("key")) {
				problems.add(where + ": a field of type '" + type + "' is not checked on the server.");
			}
			String format = component.path("properties").path("format").asText("");
			if (!format.isEmpty() && !FORMATS.contains(format)) {
				problems.add(where + ": the format '" + format + "' is not known ("
						+ String.join(", ", new java.util.TreeSet<>(FORMATS)) + ").");
			}
			if (component.path("key").asText("").contains(".")) {
				problems.add(where + ": a key with a dot (nested data) is not checked on the server.");
			}
			if ("group".equals(type) && component.hasNonNull("path")) {
				problems.add(where + ": a group with a path (nested data) is not checked on the server.");
			}
			if (INPUTS.contains(type) && component.path("validate").hasNonNull("pattern")) {
				try {
					Pattern.compile(component.path("validate").path("pattern").asText());
				}
				catch (PatternSyntaxException ex) {
					problems.add(where + ": the pattern '" + ex.getPattern() + "' is not a valid regular expression.");
				}
			}
			for (JsonNode expression : expressions(component)) {
				String problem = problem(expression.asText().substring(1));
				if (problem != null) {
					problems.add(where + ": cannot evaluate '" + expression.asText() + "' (" + problem + ").");
				}
			}
			if (component.has("components")) {
				problems(form, component.path("components"), problems);
			}
		}
	}

	/**
	 * Why an expression cannot be evaluated, or null: it does not parse, or fails or
	 * calls an unknown function even without data (missing variables are fine: a form is
	 * filled in step by step).
	 */
	private String problem(String expression) {
		ParseResult parsed = feel.parseExpression(expression);
		if (parsed.isFailure()) {
			return parsed.failure().message();
		}
		EvaluationResult result = feel.evaluate(parsed.parsedExpression(), Map.<String, Object>of());
		if (result.isFailure()) {
			return result.failure().message();
		}
		for (EvaluationFailure failure : CollectionConverters.asJava(result.suppressedFailures())) {
			if (failure.failureType() == EvaluationFailureType.NO_FUNCTION_FOUND$.MODULE$) {
				return failure.failureMessage();
			}
		}
		return null;
	}

	/** The FEEL expressions this validator evaluates for a component. */
	private static List<JsonNode> expressions(JsonNode component) {
		List<JsonNode> candidates = new ArrayList<>();
		candidates.add(component.path("conditional").path("hide"));
		candidates.add(component.path("disabled"));
		candidates.add(component.path("readonly"));
		candidates.add(component.path("valuesExpression"));
		EXPRESSION_RULES.forEach(rule -> candidates.add(component.path("validate").path(rule)));
		return candidates.stream().filter(FormValidator::isExpression).toList();
	}

	private static boolean isExpression(JsonNode node) {
		return node.isTextual() && node.asText().startsWith("=");
	}

	/**
	 * Where values are read, what FEEL sees, and how messages and errors name a field
	 * inside a dynamic list.
	 */
	private record Scope(Map<String, Object> values, Map<String, Object> context, String prefix, String listKey) {
	}

	private final class Check {

		private final CamundaForm form;

		/**
		 * Keys of the form's own data (not of a dynamic list's entries) one may fill in.
		 */
		private final Set<String> editable = new LinkedHashSet<>();

		/** The form's own values to store in another form (typed dates as ISO). */
		private final Map<String, Object> normalized = new LinkedHashMap<>();

		Check(CamundaForm form) {
			this.form = form;
		}

		void components(JsonNode components, Scope scope, Set<String> hidden,
				Map<String, List<Map<String, Object>>> cleaned) {
			for (JsonNode component : components) {
				component(component, scope, hidden, cleaned);
			}
		}

		void component(JsonNode component, Scope scope, Set<String> hidden,
				Map<String, List<Map<String, Object>>> cleaned) {
			String type = component.path("type").asText();
			if (isHidden(component, scope)) {
				hide(component, hidden);
				return;
			}
			if (flag(component, "disabled", scope) || flag(component, "readonly", scope)) {
				return;
			}
			if ("group".equals(type) && !component.hasNonNull("path")) {
				components(component.path("components"), scope, hidden, cleaned);
			}
			else if ("dynamiclist".equals(type)) {
				if (scope.listKey() == null) {
					editable.add(component.path("path").asText());
				}
				list(component, scope, cleaned);
			}
			else if (INPUTS.contains(type) && component.hasNonNull("key")
					&& !component.path("key").asText().contains(".")) {
				if (scope.listKey() == null) {
					editable.add(component.path("key").asText());
				}
				field(component, scope);
			}
		}

		/**
		 * A hidden field's value is not kept; everything inside a hidden group or list is
		 * hidden too.
		 */
		void hide(JsonNode component, Set<String> hidden) {
			String type = component.path("type").asText();
			if (component.hasNonNull("key")) {
				hidden.add(component.path("key").asText());
			}
			if (component.hasNonNull("path")) {
				hidden.add(component.path("path").asText());
			}
			else if ("group".equals(type)) {
				component.path("components").forEach(child -> hide(child, hidden));
			}
		}

		void list(JsonNode component, Scope scope, Map<String, List<Map<String, Object>>> cleaned) {
			String path = component.path("path").asText();
			String label = label(component);
			Object value = scope.values().get(path);
			if (value == null) {
				return;
			}
			List<Object> items = asList(value);
			if (items == null) {
				throw invalid(scope, path, label + " must be a list of entries.");
			}
			List<Map<String, Object>> entries = new ArrayList<>();
			boolean changed = false;
			for (int i = 0; i < items.size(); i++) {
				if (!(items.get(i) instanceof Map<?, ?> item)) {
					throw invalid(scope, path, label + ", entry " + (i + 1) + " must be a set of fields.");
				}
				Map<String, Object> entry = new LinkedHashMap<>();
				item.forEach((key, field) -> entry.put(String.valueOf(key), field));
				// as in Tasklist: an entry's fields by name, the entry as "this", the
				// form's data as "parent"
				Map<String, Object> context = new HashMap<>(scope.context());
				context.putAll(entry);
				context.put("this", entry);
				context.put("parent", scope.context());
				context.put("i", List.of(i + 1));
				Scope inner = new Scope(entry, context, scope.prefix() + label + ", entry " + (i + 1) + ": ",
						scope.listKey() != null ? scope.listKey() : path);
				Set<String> hidden = new LinkedHashSet<>();
				Map<String, List<Map<String, Object>>> innerLists = new LinkedHashMap<>();
				components(component.path("components"), inner, hidden, innerLists);
				changed |= !entry.equals(item);
				for (String key : hidden) {
					changed |= entry.containsKey(key);
					entry.remove(key);
				}
				changed |= !innerLists.isEmpty();
				entry.putAll(innerLists);
				entries.add(entry);
			}
			if (changed) {
				cleaned.put(path, entries);
			}
		}

		void field(JsonNode component, Scope scope) {
			String type = component.path("type").asText();
			String key = component.path("key").asText();
			String label = shownLabel(component, scope);
			Object value = scope.values().get(key);
			if (isEmpty(value, type)) {
				if (component.path("validate").path("required").asBoolean(false)) {
					throw invalid(scope, key, label + " is required.");
				}
				return;
			}
			switch (type) {
				case "textfield", "textarea" -> {
					String format = component.path("properties").path("format").asText();
					if (DATE_FORMAT.equals(format)) {
						typedDate(component, scope, key, label, value);
					}
					else {
						text(component, scope, key, label, value);
						formatted(format, scope, key, label, ((String) value).strip());
					}
				}
				case "number" -> number(component, scope, key, label, value);
				case "datetime" -> dateTime(component, scope, key, label, value);
				case "checkbox" -> {
					if (!(value instanceof Boolean)) {
						throw invalid(scope, key, label + " must be true or false.");
					}
				}
				case "select", "radio" -> choice(component, scope, key, label, value);
				case "checklist", "taglist" -> {
					List<Object> chosen = asList(value);
					if (chosen == null) {
						throw invalid(scope, key, label + " must be a list.");
					}
					for (Object item : chosen) {
						choice(component, scope, key, label, item);
					}
				}
				default -> throw new IllegalStateException(type);
			}
		}

		void text(JsonNode component, Scope scope, String key, String label, Object value) {
			if (!(value instanceof String text)) {
				throw invalid(scope, key, label + " must be text.");
			}
			JsonNode rules = component.path("validate");
			int length = text.strip().length();
			BigDecimal minLength = rule(component, "minLength", scope);
			if (minLength != null && length < minLength.intValue()) {
				throw invalid(scope, key, label + " must have at least " + format(minLength) + " characters.");
			}
			BigDecimal maxLength = rule(component, "maxLength", scope);
			if (maxLength != null && length > maxLength.intValue()) {
				throw invalid(scope, key, label + " must have at most " + format(maxLength) + " characters.");
			}
			String pattern = rules.path("pattern").asText("");
			if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).find()) {
				String description = component.path("description").asText("").strip();
				throw invalid(scope, key, description.isEmpty() ? label + " must match the pattern " + pattern + "."
						: label + ": " + description);
			}
			String validationType = rules.path("validationType").asText("");
			if ("email".equals(validationType) && !EMAIL.matcher(text.strip()).matches()) {
				throw invalid(scope, key, label + " must be a valid e-mail address.");
			}
			if ("phone".equals(validationType) && !PHONE.matcher(text.strip()).matches()) {
				throw invalid(scope, key, label + " must be a valid international phone number like +4930664040900.");
			}
		}

		/**
		 * The custom property {@code "format"} of a text field: a rule with a message in
		 * words, where a {@code pattern} would show Tasklist's "must match pattern
		 * ^...$".
		 */
		void formatted(String format, Scope scope, String key, String label, String text) {
			switch (format) {
				case URL_FORMAT -> {
					if (!isWebAddress(text)) {
						throw invalid(scope, key, label
								+ ": give a web address starting with https:// (or http://), without spaces, e.g. https://www.city.example/service.");
					}
				}
				case ONE_LINE_FORMAT -> {
					if (CONTROL.matcher(text).find()) {
						throw invalid(scope, key, label + ": write it on one line, without tabs or line breaks.");
					}
				}
				case KEYWORDS_FORMAT -> {
					String[] keywords = text.split(",", -1);
					if (keywords.length > MAX_KEYWORDS) {
						throw invalid(scope, key,
								label + ": give at most " + MAX_KEYWORDS + " keywords, separated by commas.");
					}
					for (String keyword : keywords) {
						if (keyword.strip().length() > MAX_KEYWORD_LENGTH) {
							throw invalid(scope, key, label + ": '" + keyword.strip() + "' is longer than "
									+ MAX_KEYWORD_LENGTH + " characters; separate keywords by commas.");
						}
					}
				}
				case IDEA_REFERENCE_FORMAT -> {
					if (!IDEA_REFERENCE.matcher(text).matches()) {
						throw invalid(scope, key,
								label + ": give an idea's reference like IDEA-" + today.get().getYear() + "-000123.");
					}
				}
				default -> {
					// no format, or one the validator does not know (reported at
					// start-up)
				}
			}
		}

		/**
		 * day.month.year or ISO, a real day, not past where the field says
		 * {@code "notPast": "true"}, not more than {@link #MAX_YEARS_AHEAD} years ahead;
		 * kept as ISO.
		 */
		void typedDate(JsonNode component, Scope scope, String key, String label, Object value) {
			LocalDate date = value instanceof String text ? TypedDates.parse(text) : null;
			if (date == null) {
				throw invalid(scope, key, label + ": give the date as day.month.year, e.g. "
						+ DAY.format(today.get().plusDays(14)) + ".");
			}
			if ("true".equals(component.path("properties").path("notPast").asText()) && date.isBefore(today.get())) {
				throw invalid(scope, key, label + ": " + DAY.format(date) + " has passed; give today ("
						+ DAY.format(today.get()) + ") or a later day.");
			}
			if (date.isAfter(today.get().plusYears(MAX_YEARS_AHEAD))) {
				throw invalid(scope, key, label + ": " + DAY.format(date) + " is more than " + MAX_YEARS_AHEAD
						+ " years ahead; check the date (day.month.year).");
			}
			String iso = date.toString();
			if (!iso.equals(value)) {
				if (scope.listKey() == null) {
					normalized.put(key, iso);
				}
				else {
					scope.values().put(key, iso);
				}
			}
		}

		void number(JsonNode component, Scope scope, String key, String label, Object value) {
			BigDecimal number = toNumber(value);
			if (number == null) {
				throw invalid(scope, key, label + " must be a number.");
			}
			if (component.path("decimalDigits").isNumber()) {
				int digits = component.path("decimalDigits").asInt();
				if (number.stripTrailingZeros().scale() > digits) {
					throw invalid(scope, key, digits == 0 ? label + " must be a whole number." : label
							+ " must have at most " + digits + " decimal place" + (digits == 1 ? "" : "s") + ".");
				}
			}
			BigDecimal increment = toNumber(
					component.path("increment").isValueNode() ? component.path("increment").asText() : null);
			if (increment != null && increment.signum() > 0 && number.remainder(increment).signum() != 0) {
				throw invalid(scope, key, label + " must be a multiple of " + format(increment) + ".");
			}
			BigDecimal min = rule(component, "min", scope);
			if (min != null && number.compareTo(min) < 0) {
				throw invalid(scope, key, label + " must be at least " + format(min) + ".");
			}
			BigDecimal max = rule(component, "max", scope);
			if (max != null && number.compareTo(max) > 0) {
				throw invalid(scope, key, label + " must be at most " + format(max) + ".");
			}
		}

		void dateTime(JsonNode component, Scope scope, String key, String label, Object value) {
			String subtype = component.path("subtype").asText("date");
			String text = value instanceof String s ? s.strip() : "";
			switch (subtype) {
				case "time" -> {
					if (!parses(() -> LocalTime.parse(text)) && !parses(() -> OffsetTime.parse(text))) {
						throw invalid(scope, key, label + " must be a time like 14:30.");
					}
				}
				case "datetime" -> {
					if (!parses(() -> LocalDateTime.parse(text)) && !parses(() -> OffsetDateTime.parse(text))) {
						throw invalid(scope, key, label + " must be a date and time like 2027-03-31T14:30.");
					}
				}
				default -> {
					LocalDate date;
					try {
						date = LocalDate.parse(text);
					}
					catch (DateTimeParseException ex) {
						throw invalid(scope, key, label + " must be a date like 2027-03-31.");
					}
					if (component.path("disallowPassedDates").asBoolean(false) && date.isBefore(today.get())) {
						throw invalid(scope, key, label + " must not be in the past.");
					}
				}
			}
		}

		void choice(JsonNode component, Scope scope, String key, String label, Object value) {
			for (Object option : options(component, scope)) {
				if (same(option, value)) {
					return;
				}
			}
			throw invalid(scope, key, "'" + value + "' is not one of the choices for " + label + ".");
		}

		/**
		 * The allowed values: listed in the form, read from the variable named by
		 * valuesKey, or computed by FEEL.
		 */
		List<Object> options(JsonNode component, Scope scope) {
			List<Object> options = new ArrayList<>();
			if (component.path("values").isArray()) {
				component.path("values").forEach(option -> options.add(scalar(option.path("value"))));
				return options;
			}
			Object source = null;
			if (component.hasNonNull("valuesKey")) {
				source = scope.context().get(component.path("valuesKey").asText());
			}
			else if (isExpression(component.path("valuesExpression"))) {
				source = evaluate(component, component.path("valuesExpression").asText(), scope);
			}
			List<Object> listed = source == null ? null : asList(source);
			if (listed != null) {
				listed.forEach(option -> options.add(option instanceof Map<?, ?> map ? map.get("value") : option));
			}
			return options;
		}

		boolean isHidden(JsonNode component, Scope scope) {
			JsonNode hide = component.path("conditional").path("hide");
			if (hide.isBoolean()) {
				return hide.asBoolean();
			}
			return isExpression(hide) && Boolean.TRUE.equals(evaluate(component, hide.asText(), scope));
		}

		boolean flag(JsonNode component, String name, Scope scope) {
			JsonNode flag = component.path(name);
			if (flag.isBoolean()) {
				return flag.asBoolean();
			}
			return isExpression(flag) && Boolean.TRUE.equals(evaluate(component, flag.asText(), scope));
		}

		/** A limit of validate: a number, or a FEEL expression giving one. */
		BigDecimal rule(JsonNode component, String name, Scope scope) {
			JsonNode rule = component.path("validate").path(name);
			if (rule.isNumber()) {
				return rule.decimalValue();
			}
			if (isExpression(rule)) {
				return toNumber(evaluate(component, rule.asText(), scope));
			}
			return rule.isTextual() ? toNumber(rule.asText()) : null;
		}

		/**
		 * The label as the person saw it: a label written as a FEEL expression (a
		 * criterion's name from a variable) is evaluated.
		 */
		String shownLabel(JsonNode component, Scope scope) {
			JsonNode label = component.path("label");
			if (!isExpression(label)) {
				return label(component);
			}
			if (evaluate(component, label.asText(), scope) instanceof String shown && !shown.isBlank()) {
				return shown.strip();
			}
			return component.path("key").asText(component.path("id").asText());
		}

		Object evaluate(JsonNode component, String expression, Scope scope) {
			EvaluationResult result = feel.evaluateExpression(expression.substring(1), scope.context());
			if (result.isFailure()) {
				// reported at start-up: a fault of the form, not of the person submitting
				// it
				throw new ProcessEngineException("Form '" + form.id() + "', field '" + label(component)
						+ "': cannot evaluate '" + expression + "': " + result.failure().message());
			}
			return result.result();
		}

		FormFieldValidationException invalid(Scope scope, String key, String message) {
			return new FormFieldValidationException(scope.listKey() != null ? scope.listKey() : key,
					scope.prefix() + message);
		}

	}

	/** What FEEL sees: the values, with Json (Spin) as lists and contexts. */
	private static Map<String, Object> feelContext(Map<String, Object> values) {
		Map<String, Object> context = new HashMap<>();
		values.forEach((key, value) -> context.put(key, feelValue(value)));
		return context;
	}

	private static Object feelValue(Object value) {
		if (value instanceof JsonValue json) {
			return feelValue(json.getValue());
		}
		return value instanceof SpinJsonNode json ? json.mapTo(Object.class) : value;
	}

	/**
	 * The label of the field with this key (or dynamic list with this path), if the form
	 * has one.
	 */
	public static Optional<String> label(CamundaForm form, String key) {
		return find(form.components(), key).map(FormValidator::label);
	}

	private static Optional<JsonNode> find(JsonNode components, String key) {
		for (JsonNode component : components) {
			if (key.equals(component.path("key").asText(null)) || key.equals(component.path("path").asText(null))) {
				return Optional.of(component);
			}
			Optional<JsonNode> inside = find(component.path("components"), key);
			if (inside.isPresent()) {
				return inside;
			}
		}
		return Optional.empty();
	}

	/**
	 * The label the person saw: a date field has its own, a field without one is named by
	 * its key.
	 */
	static String label(JsonNode component) {
		for (String name : List.of("label", "dateLabel", "timeLabel", "key", "path", "id")) {
			String label = component.path(name).asText("").strip();
			if (!label.isEmpty()) {
				return label;
			}
		}
		return component.path("type").asText();
	}

	private static boolean isEmpty(Object value, String type) {
		if (value == null || value instanceof String text && text.isBlank()) {
			return true;
		}
		if ("checkbox".equals(type) && Boolean.FALSE.equals(value)) {
			return true;
		}
		if ("checklist".equals(type) || "taglist".equals(type)) {
			List<Object> list = asList(value);
			return list != null && list.isEmpty();
		}
		return false;
	}

	/**
	 * A list as a form submits it: Tasklist sends Json (Spin), Java callers a List;
	 * entries of objects become Maps. Null if the value is no list.
	 */
	@SuppressWarnings("unchecked")
	static List<Object> asList(Object value) {
		if (value instanceof JsonValue json) {
			return asList(json.getValue());
		}
		if (value instanceof SpinJsonNode json) {
			return json.isArray() ? new ArrayList<>(json.mapTo(List.class)) : null;
		}
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection);
		}
		return null;
	}

	/**
	 * A number as Tasklist (Integer, Long, Double) or a REST client (a numeric String)
	 * sends it; null otherwise.
	 */
	static BigDecimal toNumber(Object value) {
		try {
			if (value instanceof BigDecimal number) {
				return number;
			}
			if (value instanceof Double || value instanceof Float) {
				double number = ((Number) value).doubleValue();
				return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
			}
			if (value instanceof Number number) {
				return new BigDecimal(number.toString());
			}
			if (value instanceof String text && !text.isBlank()) {
				return new BigDecimal(text.strip());
			}
		}
		catch (NumberFormatException ex) {
			// not a number
		}
		return null;
	}

	private static Object scalar(JsonNode node) {
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		return node.isNull() || node.isMissingNode() ? null : node.asText();
	}

	/**
	 * An option and a value are the same when equal as text, or as numbers ("2" and 2.0).
	 */
	private static boolean same(Object option, Object value) {
		if (option == null || value == null) {
			return option == value;
		}
		BigDecimal a = option instanceof Number || option instanceof String ? toNumber(option) : null;
		BigDecimal b = value instanceof Number || value instanceof String ? toNumber(value) : null;
		if (a != null && b != null && (option instanceof Number || value instanceof Number)) {
			return a.compareTo(b) == 0;
		}
		return String.valueOf(option).equals(String.valueOf(value));
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** 10000000 as 10,000,000 and 0.01 as 0.01. */
	static String format(BigDecimal number) {
		DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(number);
	}

}
