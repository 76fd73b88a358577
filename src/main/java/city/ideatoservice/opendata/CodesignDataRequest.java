package city.ideatoservice.opendata;

import static city.ideatoservice.opendata.OpenDataVariables.CODESIGN_DATASETS;
import static city.ideatoservice.opendata.OpenDataVariables.NEEDS_DATA_EARLY;

import java.util.List;
import java.util.Map;

import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * "Plan co-design session": the datasets the co-design needs early start their opening
 * now, alongside the co-design ("Open datasets for co-design", an event sub-process of
 * idea-to-service started by the message {@value #MESSAGE}); each round gets its own
 * list, and the next plan starts empty.
 */
@Component
public class CodesignDataRequest implements TaskListener {

	public static final String MESSAGE = "CodesignDataRequested";

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, Object>> datasets = FormInput.of(task).items(CODESIGN_DATASETS);
		task.removeVariable(CODESIGN_DATASETS);
		task.removeVariable(NEEDS_DATA_EARLY);
		if (datasets.isEmpty()) {
			return;
		}
		// on behalf of the champion, who works tasks but sends no messages
		Context.getCommandContext().runWithoutAuthorization(() -> {
			task.getProcessEngineServices()
				.getRuntimeService()
				.createMessageCorrelation(MESSAGE)
				.processInstanceId(task.getProcessInstanceId())
				.setVariableToTriggeredScope(CODESIGN_DATASETS, JsonVariables.list(datasets))
				.correlate();
			return null;
		});
	}

}
