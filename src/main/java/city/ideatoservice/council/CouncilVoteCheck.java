package city.ideatoservice.council;

import static city.ideatoservice.process.ProcessVariables.AGENDA_ITEM_ID;
import static city.ideatoservice.process.ProcessVariables.COUNCIL_REASON;
import static city.ideatoservice.process.ProcessVariables.COUNCIL_SESSION_ID;
import static city.ideatoservice.process.ProcessVariables.COUNCIL_VOTE;
import static city.ideatoservice.process.ProcessVariables.DEFERRALS;
import static city.ideatoservice.process.ProcessVariables.DEFERRED_TO_SESSION_ID;
import static city.ideatoservice.process.ProcessVariables.VOTES_ABSTAIN;
import static city.ideatoservice.process.ProcessVariables.VOTES_AGAINST;
import static city.ideatoservice.process.ProcessVariables.VOTES_FOR;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record council vote": the counts fit the council's seats and the decision fits the counts (adopted only with more
 * votes for than against); a rejection has a public reason; a deferral names a later session.
 */
@Component
public class CouncilVoteCheck implements TaskListener {

	private final AgendaItemRepository agenda;

	private final CouncilSessions sessions;

	CouncilVoteCheck(AgendaItemRepository agenda, CouncilSessions sessions) {
		this.agenda = agenda;
		this.sessions = sessions;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		int yes = count(input, VOTES_FOR);
		int no = count(input, VOTES_AGAINST);
		int abstain = count(input, VOTES_ABSTAIN);
		CouncilSession session = sessions.require(task.getVariable(COUNCIL_SESSION_ID));
		LocalDate today = today();
		if (session.sessionDate().isAfter(today)) {
			throw FormInput.invalid(COUNCIL_VOTE, "The council session of " + session.sessionDate()
					+ " has not taken place yet: record its vote from that day on.");
		}
		if (yes + no + abstain > session.seats()) {
			throw FormInput.invalid(VOTES_FOR, yes + " for, " + no + " against and " + abstain + " abstentions are "
					+ (yes + no + abstain) + " votes; the council has " + session.seats() + " seats.");
		}
		String vote = input.requiredChoice(COUNCIL_VOTE, List.of("ADOPTED", "REJECTED", "DEFERRED"));
		AgendaItem item = agenda.findById(((Number) task.getVariable(AGENDA_ITEM_ID)).longValue()).orElseThrow();
		Long nextSession = item.sessionId();
		int deferrals = item.deferrals();
		switch (vote) {
			case "ADOPTED" -> {
				if (yes <= no) {
					throw FormInput.invalid(COUNCIL_VOTE, "With " + yes + " for and " + no
							+ " against the act is not adopted: check the counts or the decision.");
				}
			}
			case "REJECTED" -> input.requiredText(COUNCIL_REASON, 2000);
			default -> {
				LocalDate after = session.sessionDate().plusDays(1);
				CouncilSession later = sessions.comingCouncilSession(input, DEFERRED_TO_SESSION_ID,
						after.isAfter(today) ? after : today);
				nextSession = later.id();
				deferrals++;
				task.setVariable(COUNCIL_SESSION_ID, String.valueOf(later.id()));
				task.setVariable(DEFERRALS, deferrals);
			}
		}
		agenda.save(item.voted(vote, yes, no, abstain, nextSession, deferrals));
	}

	/** The engine's day: the session timer fires by it, and process tests move it. */
	private static LocalDate today() {
		return LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
				java.time.ZoneId.systemDefault());
	}

	private static int count(FormInput input, String field) {
		BigDecimal count = input.requiredAmount(field, BigDecimal.ZERO, BigDecimal.valueOf(10_000));
		if (count.stripTrailingZeros().scale() > 0) {
			throw FormInput.invalid(field, "'" + field + "' is a number of votes: a whole number, not " + count + ".");
		}
		return count.intValue();
	}

}
