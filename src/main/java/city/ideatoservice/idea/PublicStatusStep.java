package city.ideatoservice.idea;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The element template "Set public status" (processes/element-templates): the element's
 * {@code publicStatus} and optional {@code publicReason} fields, read when it starts.
 * Without a reason a closing status takes the one the last form asked for, as
 * {@link IdeaStatusListener#change(DelegateExecution, String)} does.
 */
@Component("publicStatus")
public class PublicStatusStep implements ExecutionListener {

	static final String STATUS = "publicStatus";

	static final String REASON = "publicReason";

	private final IdeaStatusListener ideaStatus;

	PublicStatusStep(IdeaStatusListener ideaStatus) {
		this.ideaStatus = ideaStatus;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String status = ModelProperties.required(execution, STATUS);
		if (ModelProperties.has(execution, REASON)) {
			ideaStatus.change(execution, status, ModelProperties.text(execution, REASON));
		}
		else {
			ideaStatus.change(execution, status);
		}
	}

}
