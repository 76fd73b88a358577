package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.ACT_DATE;
import static city.ideatoservice.council.CouncilVariables.ACT_NUMBER;
import static city.ideatoservice.council.CouncilVariables.DECREE_TEXT;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_TITLE;

import java.time.LocalDate;
import java.time.ZoneId;

import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Sign mayoral decree": the decree is an act of the same register as the council's, with
 * the next number of the year it is signed in, marked as a decree; the directives join it
 * as they join a council act.
 */
@Component("mayoralDecree")
public class MayoralDecree implements TaskListener {

	private final ActNumbers numbers;

	private final OfficialActRepository register;

	MayoralDecree(ActNumbers numbers, OfficialActRepository register) {
		this.numbers = numbers;
		this.register = register;
	}

	@Override
	public void notify(DelegateTask task) {
		// the engine's day: process tests move the engine's clock
		LocalDate signedOn = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
		int year = signedOn.getYear();
		int sequence = numbers.next(year);
		String number = ActNumbers.format(year, sequence);
		String title = (String) task.getVariable(IDEA_TITLE);
		register.save(new OfficialAct(number, year, sequence, (String) task.getVariable(IDEA_REFERENCE),
				title == null ? "" : title, signedOn, null, null, null, null, null, OfficialAct.MAYORAL_DECREE,
				FormInput.of(task).text(DECREE_TEXT), true));
		task.setVariable(ACT_NUMBER, number);
		task.setVariable(ACT_DATE, signedOn.toString());
	}

}
