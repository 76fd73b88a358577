package city.ideatoservice.funding;

import static city.ideatoservice.process.ProcessVariables.APPROVED_AMOUNT;
import static city.ideatoservice.process.ProcessVariables.APPROVED_AMOUNT_CENTS;
import static city.ideatoservice.process.ProcessVariables.FUNDING_OUTCOME;
import static city.ideatoservice.process.ProcessVariables.FUNDING_REASON;
import static city.ideatoservice.process.ProcessVariables.REQUESTED_AMOUNT_CENTS;

import java.math.BigDecimal;
import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Decide funding request": approved up to the requested amount; partial means less, with a reason; denied says
 * why. Amounts leave the form in euros and are kept as whole euro cents.
 */
@Component
public class FundingDecisionCheck implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String outcome = input.requiredChoice(FUNDING_OUTCOME, List.of("APPROVED", "PARTIALLY_APPROVED", "DENIED"));
		Object requested = task.getVariable(REQUESTED_AMOUNT_CENTS);
		BigDecimal requestedEuros = BigDecimal.valueOf(requested instanceof Number n ? n.longValue() : 0L, 2);
		if ("DENIED".equals(outcome)) {
			input.requiredText(FUNDING_REASON, 2000);
			task.setVariable(APPROVED_AMOUNT_CENTS, 0L);
			return;
		}
		BigDecimal approved = input.requiredAmount(APPROVED_AMOUNT, BigDecimal.ZERO, requestedEuros);
		if ("PARTIALLY_APPROVED".equals(outcome)) {
			if (approved.compareTo(requestedEuros) >= 0) {
				throw FormInput.invalid(APPROVED_AMOUNT, "A partial approval is less than the " + requestedEuros
						+ " euros requested; choose 'Approved' to grant all of it.");
			}
			input.requiredText(FUNDING_REASON, 2000);
		}
		else {
			input.optionalText(FUNDING_REASON, 2000);
		}
		task.setVariable(APPROVED_AMOUNT_CENTS, approved.movePointRight(2).longValueExact());
	}

}
