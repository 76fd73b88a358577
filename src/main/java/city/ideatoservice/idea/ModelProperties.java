package city.ideatoservice.idea;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * The fields an element template writes onto a model element ({@code camunda:property}),
 * as the engine parsed them.
 */
final class ModelProperties {

	private ModelProperties() {
	}

	static String required(DelegateExecution execution, String name) {
		String value = of(execution).get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("The model element " + execution.getCurrentActivityId()
					+ " has no camunda:property '" + name + "'; apply its element template again");
		}
		return value.strip();
	}

	static boolean has(DelegateExecution execution, String name) {
		String value = of(execution).get(name);
		return value != null && !value.isBlank();
	}

	/**
	 * The property's text, or the value of the expression it holds (e.g.
	 * {@code ${fundingReason}}); null when the element has none.
	 */
	static String text(DelegateExecution execution, String name) {
		String value = of(execution).get(name);
		if (value == null || !(value.contains("${") || value.contains("#{"))) {
			return value;
		}
		Object result = Context.getProcessEngineConfiguration()
			.getExpressionManager()
			.createExpression(value)
			.getValue(execution);
		return result == null ? null : result.toString();
	}

	private static Map<String, String> of(DelegateExecution execution) {
		ActivityImpl activity = ((ExecutionEntity) execution).getActivity();
		Map<String, String> properties = activity == null ? null
				: activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES);
		return properties == null ? Map.of() : properties;
	}

}
