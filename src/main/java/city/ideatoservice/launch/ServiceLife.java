package city.ideatoservice.launch;

import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_EFFECTIVE_DATE;
import static city.ideatoservice.council.CouncilVariables.DIRECTIVE_REFERENCE;
import static city.ideatoservice.funding.FundingVariables.FUNDING_REASON;
import static city.ideatoservice.idea.IdeaVariables.SPONSOR_DEPARTMENT;
import static city.ideatoservice.launch.LaunchVariables.IMPROVEMENT_CHANGES_DIRECTIVE;
import static city.ideatoservice.launch.LaunchVariables.IMPROVEMENT_ROUND;
import static city.ideatoservice.launch.LaunchVariables.IMPROVEMENT_SUMMARY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import city.ideatoservice.approval.ApprovalVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The models' view of a service after its adoption ({@code ${serviceLife...}}): who
 * confirms the launch, the improvement rounds, and the public notes a live service gets
 * instead of a change of status.
 */
@Component("serviceLife")
public class ServiceLife {

	static final int NOTE_MAX = 2000;

	/**
	 * Every implementing department confirms the launch; an idea adopted before they were
	 * named has its sponsor department.
	 */
	public List<String> launchingDepartments(DelegateExecution execution) {
		Set<String> departments = new LinkedHashSet<>();
		Object named = execution.getVariable(ApprovalVariables.IMPLEMENTING_DEPARTMENTS);
		if (named instanceof SpinJsonNode json && json.isArray()) {
			json.elements().forEach(item -> add(item.isString() ? item.stringValue() : null, departments));
		}
		else if (named instanceof Iterable<?> list) {
			list.forEach(item -> add(item instanceof String text ? text : null, departments));
		}
		if (departments.isEmpty()) {
			add((String) execution.getVariable(SPONSOR_DEPARTMENT), departments);
		}
		if (departments.isEmpty()) {
			throw new ProcessEngineException("No department is named to launch the service "
					+ execution.getProcessBusinessKey() + ": neither implementing departments nor a sponsor.");
		}
		return new ArrayList<>(departments);
	}

	/** Counts the improvement rounds of the live service: 1, 2, ... */
	public void openImprovementRound(DelegateExecution execution) {
		Object round = execution.getVariable(IMPROVEMENT_ROUND);
		execution.setVariable(IMPROVEMENT_ROUND, round instanceof Number number ? number.intValue() + 1 : 1);
	}

	/** The public note at the end of a round: what changed, and the amended directive. */
	public String improvedNote(DelegateExecution execution) {
		String note = "Improvement round %s: %s".formatted(execution.getVariable(IMPROVEMENT_ROUND),
				execution.getVariable(IMPROVEMENT_SUMMARY));
		if ("YES".equals(execution.getVariable(IMPROVEMENT_CHANGES_DIRECTIVE))) {
			note += "\nAmended directive %s, in effect from %s.".formatted(execution.getVariable(DIRECTIVE_REFERENCE),
					execution.getVariable(DIRECTIVE_EFFECTIVE_DATE));
		}
		return limit(note);
	}

	/**
	 * The public note of a round whose money was denied: the service goes on as it is.
	 */
	public String notFundedNote(DelegateExecution execution) {
		Object reason = execution.getVariable(FUNDING_REASON);
		return limit("Improvement round %s was not funded%s The service continues as it is.\nWhat was proposed: %s"
			.formatted(execution.getVariable(IMPROVEMENT_ROUND),
					reason instanceof String text && !text.isBlank() ? ": " + text.strip() + "." : ".",
					execution.getVariable(IMPROVEMENT_SUMMARY)));
	}

	/** A public note fits the status history (2000 characters). */
	private static String limit(String note) {
		return note.length() <= NOTE_MAX ? note : note.substring(0, NOTE_MAX - 1) + "…";
	}

	private static void add(String department, Set<String> departments) {
		if (department != null && !department.isBlank()) {
			departments.add(department.strip());
		}
	}

}
