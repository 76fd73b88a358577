package city.ideatoservice.opendata;

import static city.ideatoservice.process.ProcessVariables.CATALOGUE_ID;
import static city.ideatoservice.process.ProcessVariables.DATASET_FORMAT;
import static city.ideatoservice.process.ProcessVariables.DATASET_LICENCE;
import static city.ideatoservice.process.ProcessVariables.DATASET_OUTCOME;
import static city.ideatoservice.process.ProcessVariables.DATASET_REASON;
import static city.ideatoservice.process.ProcessVariables.DATASET_URL;

import java.util.List;
import java.util.UUID;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Open or refuse dataset": a published dataset has an open licence, a format and a download address. */
@Component
public class DatasetDecisionCheck implements TaskListener {

	static final List<String> LICENCES = List.of("CC-BY-4.0", "CC0-1.0", "ODbL-1.0");

	static final List<String> FORMATS = List.of("CSV", "JSON", "GEOJSON", "XLSX", "API");

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String outcome = input.requiredChoice(DATASET_OUTCOME, List.of(DatasetRequest.PUBLISHED, DatasetRequest.REFUSED));
		if (DatasetRequest.REFUSED.equals(outcome)) {
			input.requiredText(DATASET_REASON, 2000);
			task.setVariable(CATALOGUE_ID, null);
			return;
		}
		input.requiredChoice(DATASET_LICENCE, LICENCES);
		input.requiredChoice(DATASET_FORMAT, FORMATS);
		input.requiredWebAddress(DATASET_URL);
		task.setVariable(DATASET_REASON, null);
		task.setVariable(CATALOGUE_ID, "dataset-" + UUID.randomUUID());
	}

}
