package city.ideatoservice.challenge;

import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_ID;
import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_WINDOW;
import static city.ideatoservice.challenge.ChallengeVariables.PUBLIC_TEXT_COMMENT;
import static city.ideatoservice.challenge.ChallengeVariables.PUBLIC_TEXT_DECISION;

import city.ideatoservice.form.TypedDates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approve public text": shows the window as people read it; an approval clears an
 * earlier comment, a return keeps the comment for "Define challenge".
 */
@Component
public class ChallengeTextApproval implements TaskListener {

	private final Challenges challenges;

	ChallengeTextApproval(Challenges challenges) {
		this.challenges = challenges;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Challenge challenge = challenges.require(((Number) task.getVariable(CHALLENGE_ID)).longValue());
			task.setVariableLocal(CHALLENGE_WINDOW, TypedDates.DAY.format(challenge.opensOn()) + " to "
					+ TypedDates.DAY.format(challenge.closesOn()) + " (end of day)");
		}
		else if ("APPROVE".equals(task.getVariable(PUBLIC_TEXT_DECISION))) {
			task.setVariable(PUBLIC_TEXT_COMMENT, null);
		}
	}

}
