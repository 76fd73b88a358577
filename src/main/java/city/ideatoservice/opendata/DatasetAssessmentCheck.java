package city.ideatoservice.opendata;

import static city.ideatoservice.process.ProcessVariables.ALREADY_PUBLIC;
import static city.ideatoservice.process.ProcessVariables.COMMERCIALLY_SENSITIVE;
import static city.ideatoservice.process.ProcessVariables.CONTAINS_LOCATION_DATA;
import static city.ideatoservice.process.ProcessVariables.CONTAINS_PERSONAL_DATA;
import static city.ideatoservice.process.ProcessVariables.DATASET_ASSESSMENT;
import static city.ideatoservice.process.ProcessVariables.DATASET_REASON;
import static city.ideatoservice.process.ProcessVariables.OPENING_CONDITIONS;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Assess dataset request": the steward says whether the data can be opened and answers what it contains; those
 * answers are what the DMN data-classification decides on.
 */
@Component
public class DatasetAssessmentCheck implements TaskListener {

	static final List<String> YES_NO = List.of("YES", "NO");

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String assessment = input.requiredChoice(DATASET_ASSESSMENT,
				List.of("CAN_OPEN", "CAN_OPEN_WITH_CONDITIONS", "CANNOT_OPEN"));
		if ("CANNOT_OPEN".equals(assessment)) {
			input.requiredText(DATASET_REASON, 2000);
			return;
		}
		if ("CAN_OPEN_WITH_CONDITIONS".equals(assessment)) {
			input.requiredText(OPENING_CONDITIONS, 2000);
		}
		for (String answer : List.of(CONTAINS_PERSONAL_DATA, CONTAINS_LOCATION_DATA, COMMERCIALLY_SENSITIVE,
				ALREADY_PUBLIC)) {
			input.requiredChoice(answer, YES_NO);
		}
	}

}
