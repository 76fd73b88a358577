package city.ideatoservice.idea;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/**
 * The fields an element template writes onto a model element ({@code camunda:property}),
 * read from the deployed model (which the engine caches).
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
		FlowElement element = execution.getBpmnModelElementInstance();
		if (element == null || element.getExtensionElements() == null) {
			return Map.of();
		}
		Map<String, String> properties = new HashMap<>();
		element.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.forEach(all -> all.getCamundaProperties()
				.forEach(property -> properties.put(property.getCamundaName(), property.getCamundaValue())));
		return properties;
	}

}
