package city.ideatoservice.council;

import static city.ideatoservice.process.ProcessVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.process.ProcessVariables.AMENDMENTS;
import static city.ideatoservice.process.ProcessVariables.COMMITTEE_OPINION;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Record committee review": favourable, unfavourable, or favourable with amendments (which are kept). */
@Component
public class CommitteeReviewCheck implements TaskListener {

	private final AgendaItemRepository agenda;

	CommitteeReviewCheck(AgendaItemRepository agenda) {
		this.agenda = agenda;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String opinion = input.requiredChoice(COMMITTEE_OPINION, List.of("FAVOURABLE", "UNFAVOURABLE", "AMENDMENTS"));
		String amendments = "AMENDMENTS".equals(opinion) ? input.requiredText(AMENDMENTS, 4000) : null;
		if (amendments == null) {
			task.setVariable(AMENDMENTS, null);
		}
		AgendaItem item = agenda.findById(((Number) task.getVariable(AGENDA_ITEM_ID)).longValue()).orElseThrow();
		agenda.save(item.reviewed(opinion, amendments));
	}

}
