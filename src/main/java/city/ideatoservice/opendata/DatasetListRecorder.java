package city.ideatoservice.opendata;

import static city.ideatoservice.opendata.OpenDataVariables.ADDITIONAL_DATASETS;
import static city.ideatoservice.opendata.OpenDataVariables.DATASETS;

import java.util.List;
import java.util.Map;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Request more datasets": at least one (a form cannot ask for a number of entries); the
 * new requests replace the list the next round of "Open dataset" works through.
 */
@Component
public class DatasetListRecorder implements TaskListener {

	private final FormValidation forms;

	DatasetListRecorder(FormValidation forms) {
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, Object>> datasets = FormInput.of(task).items(ADDITIONAL_DATASETS);
		if (datasets.isEmpty()) {
			throw forms.invalid(task, ADDITIONAL_DATASETS, "add at least one dataset to request.");
		}
		task.setVariable(DATASETS, JsonVariables.list(datasets));
		task.removeVariable(ADDITIONAL_DATASETS);
	}

}
