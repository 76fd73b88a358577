package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.AMENDED_PROCEDURE;
import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_EFFECTIVE_DATE;
import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_REFERENCE;
import static city.ideatoservice.council.CouncilVariables.RESPONSIBLE_DEPARTMENTS;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.time.LocalDate;
import java.util.List;

import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Issue implementation directives": the public register shows the act together with its
 * directive (reference, responsible departments, effective date, amended procedure).
 */
@Component
public class DirectiveRecorder implements TaskListener {

	private final OfficialActRepository register;

	DirectiveRecorder(OfficialActRepository register) {
		this.register = register;
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
		register.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc((String) task.getVariable(IDEA_REFERENCE))
			.ifPresent(act -> register
				.save(act.withDirective(reference, String.join(",", departments), effective, procedure)));
	}

}
