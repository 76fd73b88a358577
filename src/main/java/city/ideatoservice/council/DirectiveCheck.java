package city.ideatoservice.council;

import static city.ideatoservice.process.ProcessVariables.AMENDED_PROCEDURE;
import static city.ideatoservice.process.ProcessVariables.DIRECTIVE_EFFECTIVE_DATE;
import static city.ideatoservice.process.ProcessVariables.DIRECTIVE_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.RESPONSIBLE_DEPARTMENTS;

import java.util.List;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Issue implementation directives": reference, responsible departments, effective date, amended procedure. */
@Component
public class DirectiveCheck implements TaskListener {

	private final OfficialActRepository register;

	private final Departments allDepartments;

	DirectiveCheck(OfficialActRepository register, Departments allDepartments) {
		this.register = register;
		this.allDepartments = allDepartments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		input.requiredText(DIRECTIVE_REFERENCE, 50);
		List<String> departments = input.choices(RESPONSIBLE_DEPARTMENTS, allDepartments.groupIds());
		if (departments.isEmpty()) {
			throw FormInput.invalid(RESPONSIBLE_DEPARTMENTS, "Choose the departments responsible for the service.");
		}
		task.setVariable(RESPONSIBLE_DEPARTMENTS, JsonVariables.list(departments.stream().distinct().toList()));
		java.time.LocalDate effective = input.requiredDate(DIRECTIVE_EFFECTIVE_DATE);
		task.setVariable(DIRECTIVE_EFFECTIVE_DATE, effective.toString());
		String procedure = input.requiredText(AMENDED_PROCEDURE, 200);
		String reference = input.requiredText(DIRECTIVE_REFERENCE, 50);
		// the public register shows the act together with its directive
		register.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(
				(String) task.getVariable(city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE))
			.ifPresent(act -> register.save(act.withDirective(reference,
					String.join(",", departments.stream().distinct().toList()), effective, procedure)));
	}

}
