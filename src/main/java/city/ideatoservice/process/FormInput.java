package city.ideatoservice.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reads what a person submitted in a form, once the form's own rules are checked (the
 * form package does that for every task): texts without the spaces around them, numbers
 * as BigDecimal, lists and dynamic lists from Json.
 */
public final class FormInput {

	private final VariableScope scope;

	private FormInput(VariableScope scope) {
		this.scope = scope;
	}

	public static FormInput of(VariableScope scope) {
		return new FormInput(scope);
	}

	/** A text without the spaces around it; null when missing or blank. */
	public String text(String field) {
		Object value = scope.getVariable(field);
		String text = value == null ? null : String.valueOf(value).strip();
		return text == null || text.isEmpty() ? null : text;
	}

	/**
	 * A number as Tasklist sends it (Integer, Long, Double) or a REST client may (a
	 * String); null when missing.
	 */
	public BigDecimal number(String field) {
		Object value = scope.getVariable(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(((Number) value).doubleValue());
		}
		return new BigDecimal(String.valueOf(value).strip());
	}

	/**
	 * A list from a checklist, taglist or dynamic list: Tasklist sends it as a Json
	 * variable (Spin), Java callers as a List.
	 */
	public List<Object> list(String field) {
		Object value = scope.getVariable(field);
		if (value instanceof JsonValue json) {
			value = json.getValue();
		}
		if (value == null) {
			return List.of();
		}
		if (value instanceof SpinJsonNode json && json.isArray()) {
			return new ArrayList<>(json.mapTo(List.class));
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list);
		}
		throw new FormFieldValidationException(field, "'" + field + "' must be a list.");
	}

	/** The entries of a dynamic list, each an object of its fields. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> items(String field) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Object item : list(field)) {
			if (!(item instanceof Map<?, ?> map)) {
				throw new FormFieldValidationException(field, "Each entry of '" + field + "' must have its fields.");
			}
			items.add((Map<String, Object>) map);
		}
		return items;
	}

	/** A list of choices a process computes with: only the allowed ones. */
	public List<String> choices(String field, Set<String> allowed) {
		List<String> chosen = new ArrayList<>();
		for (Object item : list(field)) {
			if (!(item instanceof String choice) || !allowed.contains(choice)) {
				throw new FormFieldValidationException(field,
						"'" + item + "' is not a valid choice for '" + field + "'.");
			}
			chosen.add(choice);
		}
		return chosen;
	}

}
