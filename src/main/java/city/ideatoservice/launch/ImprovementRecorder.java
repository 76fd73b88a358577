package city.ideatoservice.launch;

import static city.ideatoservice.funding.FundingVariables.ESTIMATED_BUDGET;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.launch.LaunchVariables.IMPROVEMENT_FUNDING;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record service improvement": new money is asked for in whole euro cents, as a
 * prototype's (the summary is the public note and the funding request's purpose).
 */
@Component
public class ImprovementRecorder implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		task.setVariable(REQUESTED_AMOUNT_CENTS, "NEW_FUNDING".equals(input.text(IMPROVEMENT_FUNDING))
				? input.number(ESTIMATED_BUDGET).movePointRight(2).longValueExact() : 0L);
	}

}
