package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.ACT_DATE;
import static city.ideatoservice.council.CouncilVariables.AMENDED_PROCEDURE;
import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_EFFECTIVE_DATE;
import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_REFERENCE;
import static city.ideatoservice.council.CouncilVariables.RESPONSIBLE_DEPARTMENTS;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.time.LocalDate;
import java.util.List;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.form.TypedDates;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Issue implementation directives": the public register shows the act together with its
 * directive (reference, responsible departments, effective date, amended procedure). A
 * directive takes effect on or after the day the act was adopted (the council's vote or
 * the mayor's decree, as the register has it).
 */
@Component
public class DirectiveRecorder implements TaskListener {

	private final OfficialActRepository register;

	private final FormValidation forms;

	DirectiveRecorder(OfficialActRepository register, FormValidation forms) {
		this.register = register;
		this.forms = forms;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		List<String> departments = input.list(RESPONSIBLE_DEPARTMENTS)
			.stream()
			.map(String::valueOf)
			.distinct()
			.toList();
		task.setVariable(RESPONSIBLE_DEPARTMENTS, JsonVariables.list(departments));
		LocalDate effective = LocalDate.parse(input.text(DIRECTIVE_EFFECTIVE_DATE));
		String reference = input.text(DIRECTIVE_REFERENCE);
		String procedure = input.text(AMENDED_PROCEDURE);
		var act = register
			.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc((String) task.getVariable(IDEA_REFERENCE));
		LocalDate adoptedOn = task.getVariable(ACT_DATE) instanceof String actDate ? LocalDate.parse(actDate)
				: act.map(OfficialAct::adoptedOn).orElse(null);
		if (adoptedOn != null && effective.isBefore(adoptedOn)) {
			String adopted = TypedDates.DAY.format(adoptedOn);
			throw forms.invalid(task, DIRECTIVE_EFFECTIVE_DATE,
					"the directive cannot take effect on " + TypedDates.DAY.format(effective)
							+ ", before the act was adopted on " + adopted + "; give " + adopted + " or a later day.");
		}
		act.ifPresent(found -> register
			.save(found.withDirective(reference, String.join(",", departments), effective, procedure)));
	}

}
