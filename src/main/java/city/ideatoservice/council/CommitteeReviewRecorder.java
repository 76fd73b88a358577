package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.council.CouncilVariables.AMENDMENTS;
import static city.ideatoservice.council.CouncilVariables.COMMITTEE_OPINION;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record committee review": the committee's opinion, and its amendments, go on the
 * agenda item.
 */
@Component
public class CommitteeReviewRecorder implements TaskListener {

	private final AgendaItemRepository agenda;

	CommitteeReviewRecorder(AgendaItemRepository agenda) {
		this.agenda = agenda;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String opinion = input.text(COMMITTEE_OPINION);
		String amendments = "AMENDMENTS".equals(opinion) ? input.text(AMENDMENTS) : null;
		AgendaItem item = agenda.findById(((Number) task.getVariable(AGENDA_ITEM_ID)).longValue()).orElseThrow();
		agenda.save(item.reviewed(opinion, amendments));
	}

}
