package city.ideatoservice.opendata;

import static city.ideatoservice.opendata.OpenDataVariables.ANONYMISATION_REQUIRED;
import static city.ideatoservice.opendata.OpenDataVariables.CLASSIFICATION;
import static city.ideatoservice.opendata.OpenDataVariables.PRIVACY_REVIEW_REQUIRED;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the DMN data-classification: whether the privacy office reviews, and whether the
 * data is anonymised.
 */
@Component
public class ApplyClassification implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		Map<?, ?> classification = (Map<?, ?>) execution.getVariable(CLASSIFICATION);
		execution.setVariable(PRIVACY_REVIEW_REQUIRED,
				Boolean.TRUE.equals(classification.get(PRIVACY_REVIEW_REQUIRED)));
		execution.setVariable(ANONYMISATION_REQUIRED, Boolean.TRUE.equals(classification.get(ANONYMISATION_REQUIRED)));
		execution.removeVariable(CLASSIFICATION);
	}

}
