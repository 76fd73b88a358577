package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.ACT_DATE;
import static city.ideatoservice.council.CouncilVariables.ACT_NUMBER;
import static city.ideatoservice.council.CouncilVariables.COUNCIL_SESSION_ID;
import static city.ideatoservice.council.CouncilVariables.DRAFT_ACT_TEXT;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_TITLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register official act": the adopted act gets the next number of its session's year and
 * enters the register.
 */
@Component
public class RegisterOfficialAct implements JavaDelegate {

	private final ActNumbers numbers;

	private final OfficialActRepository register;

	private final CouncilSessions sessions;

	RegisterOfficialAct(ActNumbers numbers, OfficialActRepository register, CouncilSessions sessions) {
		this.numbers = numbers;
		this.register = register;
		this.sessions = sessions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CouncilSession session = sessions.require(execution.getVariable(COUNCIL_SESSION_ID));
		int year = session.sessionDate().getYear();
		int sequence = numbers.next(year);
		String number = ActNumbers.format(year, sequence);
		String title = (String) execution.getVariable(IDEA_TITLE);
		register.save(new OfficialAct(number, year, sequence, (String) execution.getVariable(IDEA_REFERENCE),
				title == null ? "" : title, session.sessionDate(), session.id(), null, null, null, null,
				OfficialAct.COUNCIL_ACT, (String) execution.getVariable(DRAFT_ACT_TEXT), true));
		execution.setVariable(ACT_NUMBER, number);
		execution.setVariable(ACT_DATE, session.sessionDate().toString());
	}

}
