package city.ideatoservice.process;

import java.util.List;

import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Lists kept as Json variables, the way Tasklist submits checklists and dynamic lists.
 */
public final class JsonVariables {

	private JsonVariables() {
	}

	public static JsonValue list(List<?> items) {
		return SpinValues.jsonValue(Spin.JSON(items)).create();
	}

}
