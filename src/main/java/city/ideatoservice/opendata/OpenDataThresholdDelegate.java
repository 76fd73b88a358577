package city.ideatoservice.opendata;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.opendata.OpenDataVariables.OPEN_DATA_THRESHOLD_MET;
import static city.ideatoservice.opendata.OpenDataVariables.PUBLISHED_DATASET_COUNT;
import static city.ideatoservice.opendata.OpenDataVariables.PUBLISHING_DEPARTMENT_COUNT;
import static city.ideatoservice.opendata.OpenDataVariables.REQUIRED_DATASET_COUNT;
import static city.ideatoservice.opendata.OpenDataVariables.REQUIRED_DEPARTMENT_COUNT;

import city.ideatoservice.idea.IdeaService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check open-data threshold": enough published datasets from enough departments for the
 * pilot?
 */
@Component
public class OpenDataThresholdDelegate implements JavaDelegate {

	private final IdeaService ideas;

	private final DatasetRequestRepository requests;

	private final OpenDataProperties rule;

	OpenDataThresholdDelegate(IdeaService ideas, DatasetRequestRepository requests, OpenDataProperties rule) {
		this.ideas = ideas;
		this.requests = requests;
		this.rule = rule;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long ideaId = ideas.require((String) execution.getVariable(IDEA_REFERENCE)).id();
		int published = requests.countPublished(ideaId);
		int departments = requests.countPublishingDepartments(ideaId);
		execution.setVariable(PUBLISHED_DATASET_COUNT, published);
		execution.setVariable(PUBLISHING_DEPARTMENT_COUNT, departments);
		execution.setVariable(REQUIRED_DATASET_COUNT, rule.minDatasets());
		execution.setVariable(REQUIRED_DEPARTMENT_COUNT, rule.minDepartments());
		execution.setVariable(OPEN_DATA_THRESHOLD_MET,
				published >= rule.minDatasets() && departments >= rule.minDepartments());
	}

}
