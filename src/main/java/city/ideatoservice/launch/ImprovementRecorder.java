package city.ideatoservice.launch;

import static city.ideatoservice.funding.FundingVariables.ESTIMATED_BUDGET;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.launch.LaunchVariables.IMPROVEMENT_FUNDING;

import java.math.BigDecimal;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record service improvement": new money is asked for in whole euro cents, and for more
 * than nothing (the summary is the public note and the funding request's purpose).
 */
@Component
public class ImprovementRecorder implements TaskListener {

	private final FormValidation forms;

	ImprovementRecorder(FormValidation forms) {
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		if (!"NEW_FUNDING".equals(input.text(IMPROVEMENT_FUNDING))) {
			task.setVariable(REQUESTED_AMOUNT_CENTS, 0L);
			return;
		}
		BigDecimal euros = input.number(ESTIMATED_BUDGET);
		if (euros.signum() <= 0) {
			throw forms.invalid(task, ESTIMATED_BUDGET,
					"new money for an improvement is more than 0 EUR; choose 'No new money' otherwise.");
		}
		task.setVariable(REQUESTED_AMOUNT_CENTS, euros.movePointRight(2).longValueExact());
	}

}
