package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.council.CouncilVariables.COMMITTEE;
import static city.ideatoservice.council.CouncilVariables.COUNCIL_SESSION_ID;
import static city.ideatoservice.council.CouncilVariables.DEFERRALS;
import static city.ideatoservice.council.CouncilVariables.DRAFT_ACT_TEXT;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_TITLE;

import java.time.Clock;
import java.time.LocalDate;

import city.ideatoservice.organisation.OrganisationProperties;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Prepare agenda item": the item goes on the agenda of the chosen council session, which
 * must still be to come.
 */
@Component
public class AgendaItemPreparation implements TaskListener {

	private final AgendaItemRepository agenda;

	private final CouncilSessions sessions;

	private final Clock clock;

	private final OrganisationProperties organisation;

	AgendaItemPreparation(AgendaItemRepository agenda, CouncilSessions sessions, Clock clock,
			OrganisationProperties organisation) {
		this.agenda = agenda;
		this.sessions = sessions;
		this.clock = clock;
		this.organisation = organisation;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String draft = input.text(DRAFT_ACT_TEXT);
		String committee = input.text(COMMITTEE);
		CouncilSession session = sessions.comingCouncilSession(task, COUNCIL_SESSION_ID, LocalDate.now(clock));
		String title = (String) task.getVariable(IDEA_TITLE);
		AgendaItem item = agenda
			.save(new AgendaItem(null, (String) task.getVariable(IDEA_REFERENCE), title == null ? "" : title, committee,
					session.id(), draft, null, null, null, null, null, null, 0, clock.instant()));
		task.setVariable(AGENDA_ITEM_ID, item.id());
		task.setVariable(COUNCIL_SESSION_ID, String.valueOf(session.id()));
		task.setVariable(DEFERRALS, 0);
	}

}
