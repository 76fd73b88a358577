package city.ideatoservice.council;

import static city.ideatoservice.process.ProcessVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.process.ProcessVariables.COUNCIL_REASON;
import static city.ideatoservice.process.ProcessVariables.DEFERRED_ITEM_DECISION;

import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Decide on deferred agenda item": keep it for the next session, or withdraw it with a public reason. */
@Component
public class DeferredItemCheck implements TaskListener {

	private final AgendaItemRepository agenda;

	DeferredItemCheck(AgendaItemRepository agenda) {
		this.agenda = agenda;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		if ("WITHDRAW".equals(input.requiredChoice(DEFERRED_ITEM_DECISION, List.of("CONTINUE", "WITHDRAW")))) {
			input.requiredText(COUNCIL_REASON, 2000);
			agenda.findById(((Number) task.getVariable(AGENDA_ITEM_ID)).longValue())
				.ifPresent(item -> agenda.save(item.withdrawn()));
		}
	}

}
