package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.council.CouncilVariables.COUNCIL_SESSION_ID;
import static city.ideatoservice.council.CouncilVariables.COUNCIL_VOTE;
import static city.ideatoservice.council.CouncilVariables.DEFERRALS;
import static city.ideatoservice.council.CouncilVariables.DEFERRED_TO_SESSION_ID;
import static city.ideatoservice.council.CouncilVariables.VOTES_ABSTAIN;
import static city.ideatoservice.council.CouncilVariables.VOTES_AGAINST;
import static city.ideatoservice.council.CouncilVariables.VOTES_FOR;

import java.time.LocalDate;
import java.time.ZoneId;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Record council vote": the session has taken place, the counts fit the council's seats
 * and the decision fits the counts (adopted only with more votes for than against); a
 * deferral names a later session. The vote goes on the agenda item.
 */
@Component
public class CouncilVoteRecorder implements TaskListener {

	private final AgendaItemRepository agenda;

	private final CouncilSessions sessions;

	private final FormValidation forms;

	CouncilVoteRecorder(AgendaItemRepository agenda, CouncilSessions sessions, FormValidation forms) {
		this.agenda = agenda;
		this.sessions = sessions;
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		int yes = input.number(VOTES_FOR).intValueExact();
		int no = input.number(VOTES_AGAINST).intValueExact();
		int abstain = input.number(VOTES_ABSTAIN).intValueExact();
		CouncilSession session = sessions.require(task.getVariable(COUNCIL_SESSION_ID));
		LocalDate today = today();
		if (session.sessionDate().isAfter(today)) {
			throw forms.invalid(task, COUNCIL_VOTE, "the council session of " + session.sessionDate()
					+ " has not taken place yet: record its vote from that day on.");
		}
		if (yes + no + abstain > session.seats()) {
			throw forms.invalid(task, VOTES_FOR, yes + " for, " + no + " against and " + abstain + " abstentions are "
					+ (yes + no + abstain) + " votes; the council has " + session.seats() + " seats.");
		}
		String vote = input.text(COUNCIL_VOTE);
		AgendaItem item = agenda.findById(((Number) task.getVariable(AGENDA_ITEM_ID)).longValue()).orElseThrow();
		Long nextSession = item.sessionId();
		int deferrals = item.deferrals();
		if ("ADOPTED".equals(vote) && yes <= no) {
			throw forms.invalid(task, COUNCIL_VOTE, "with " + yes + " for and " + no
					+ " against the act is not adopted: check the counts or the decision.");
		}
		if ("DEFERRED".equals(vote)) {
			LocalDate after = session.sessionDate().plusDays(1);
			CouncilSession later = sessions.comingCouncilSession(task, DEFERRED_TO_SESSION_ID,
					after.isAfter(today) ? after : today);
			nextSession = later.id();
			deferrals++;
			task.setVariable(COUNCIL_SESSION_ID, String.valueOf(later.id()));
			task.setVariable(DEFERRALS, deferrals);
		}
		agenda.save(item.voted(vote, yes, no, abstain, nextSession, deferrals));
	}

	/** The engine's day: the session timer fires by it, and process tests move it. */
	private static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

}
