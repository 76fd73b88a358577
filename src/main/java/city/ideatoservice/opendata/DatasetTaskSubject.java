package city.ideatoservice.opendata;

import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import city.ideatoservice.tasklist.TaskSubject;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A data-opening task's card names its dataset: "Library loans per branch". */
@Component
class DatasetTaskSubject implements TaskSubject {

	@Override
	public String of(DelegateTask task) {
		if (!ProcessKeys.DATA_OPENING.equals(TaskCards.processKey(task))) {
			return null;
		}
		Object title = task.getVariable(OpenDataVariables.DATASET_TITLE);
		return title == null ? null : String.valueOf(title);
	}

}
