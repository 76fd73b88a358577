package city.ideatoservice.codesign;

import static city.ideatoservice.process.ProcessVariables.ADOPTION_RECOMMENDATION;
import static city.ideatoservice.process.ProcessVariables.IMPLEMENTING_DEPARTMENTS;
import static city.ideatoservice.process.ProcessVariables.PUBLIC_REASON;

import java.util.List;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Recommend adoption": a recommendation to adopt names the departments that will run the service. */
@Component
public class AdoptionRecommendationCheck implements TaskListener {

	private final Departments departments;

	AdoptionRecommendationCheck(Departments departments) {
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String recommendation = input.requiredChoice(ADOPTION_RECOMMENDATION, List.of("ADOPT", "DO_NOT_ADOPT"));
		if ("DO_NOT_ADOPT".equals(recommendation)) {
			input.requiredText(PUBLIC_REASON, 2000);
			return;
		}
		List<String> chosen = input.choices(IMPLEMENTING_DEPARTMENTS, departments.groupIds());
		if (chosen.isEmpty()) {
			throw FormInput.invalid(IMPLEMENTING_DEPARTMENTS, "Choose at least one department that will run the service.");
		}
		task.setVariable(IMPLEMENTING_DEPARTMENTS, JsonVariables.list(chosen.stream().distinct().toList()));
	}

}
