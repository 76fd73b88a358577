package city.ideatoservice.opendata;

import static city.ideatoservice.process.ProcessVariables.ADDITIONAL_DATASETS;
import static city.ideatoservice.process.ProcessVariables.DATASETS;

import java.util.List;
import java.util.Map;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Request more datasets": the new requests replace the list the next round of "Open dataset" works through. */
@Component
public class DatasetListCheck implements TaskListener {

	private final Departments departments;

	DatasetListCheck(Departments departments) {
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, Object>> datasets = DatasetRequests.validate(FormInput.of(task), ADDITIONAL_DATASETS,
				departments.groupIds());
		if (datasets.isEmpty()) {
			throw FormInput.invalid(ADDITIONAL_DATASETS, "Add at least one dataset to request.");
		}
		task.setVariable(DATASETS, JsonVariables.list(datasets));
		task.removeVariable(ADDITIONAL_DATASETS);
	}

}
