package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.council.CouncilVariables.DEFERRED_ITEM_DECISION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Decide on deferred agenda item": a withdrawn item leaves the agenda. */
@Component
public class DeferredItemRecorder implements TaskListener {

	private final AgendaItemRepository agenda;

	DeferredItemRecorder(AgendaItemRepository agenda) {
		this.agenda = agenda;
	}

	@Override
	public void notify(DelegateTask task) {
		if ("WITHDRAW".equals(task.getVariable(DEFERRED_ITEM_DECISION))) {
			agenda.findById(((Number) task.getVariable(AGENDA_ITEM_ID)).longValue())
				.ifPresent(item -> agenda.save(item.withdrawn()));
		}
	}

}
