package city.ideatoservice.idea;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The element template "Notify the citizen": a public note on the idea (its status
 * stays), which the citizen is e-mailed (CitizenNotifications, SERVICE_NEWS). The
 * element's {@code publicNote} field is a text or an expression.
 */
@Component("publicNote")
public class PublicNoteStep implements ExecutionListener {

	static final String NOTE = "publicNote";

	private final IdeaStatusListener ideaStatus;

	PublicNoteStep(IdeaStatusListener ideaStatus) {
		this.ideaStatus = ideaStatus;
	}

	@Override
	public void notify(DelegateExecution execution) {
		ModelProperties.required(execution, NOTE);
		ideaStatus.note(execution, ModelProperties.text(execution, NOTE));
	}

}
