package city.ideatoservice.funding;

import static city.ideatoservice.funding.FundingVariables.FUNDING_STEP;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a funding task is for, as the model says with the task's input parameter
 * {@code fundingStep}: confirming that an idea joins an already funded initiative,
 * approving money, or the champion revising a request.
 */
enum FundingStep {

	CONFIRMATION, APPROVAL, REVISION;

	static FundingStep of(DelegateTask task) {
		Object step = task.getVariable(FUNDING_STEP);
		if (step == null) {
			throw new IllegalStateException(
					"The funding task " + task.getTaskDefinitionKey() + " needs the input parameter " + FUNDING_STEP
							+ " (CONFIRMATION, APPROVAL or REVISION) in the model");
		}
		return valueOf(step.toString());
	}

}
