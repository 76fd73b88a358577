package city.ideatoservice.opendata;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.opendata.OpenDataVariables.CATALOGUE_ID;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_OUTCOME;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_REASON;

import java.time.Clock;

import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Ends each "Open dataset" call: keeps its outcome, so the open-data threshold counts
 * what was really published, across every round of requests. A call cancelled before its
 * outcome (withdrawal, prototype stopped) keeps nothing.
 */
@Component
public class OpenDataLedger implements ExecutionListener {

	private final IdeaService ideas;

	private final DatasetRequestRepository requests;

	private final Clock clock;

	OpenDataLedger(IdeaService ideas, DatasetRequestRepository requests, Clock clock) {
		this.ideas = ideas;
		this.requests = requests;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String outcome = (String) execution.getVariableLocal(DATASET_OUTCOME);
		if (outcome == null) {
			return;
		}
		SpinJsonNode dataset = (SpinJsonNode) execution.getVariable("dataset");
		Long ideaId = ideas.require((String) execution.getVariable(IDEA_REFERENCE)).id();
		requests.save(new DatasetRequest(null, ideaId, dataset.prop("title").stringValue(),
				dataset.prop("ownerDepartment").stringValue(), outcome,
				(String) execution.getVariableLocal(CATALOGUE_ID), (String) execution.getVariableLocal(DATASET_REASON),
				clock.instant(), DatasetRequest.OPENED));
	}

}
