package city.ideatoservice.codesign;

import static city.ideatoservice.process.ProcessVariables.CODESIGN_OUTCOME;
import static city.ideatoservice.process.ProcessVariables.DATASETS;
import static city.ideatoservice.process.ProcessVariables.ESTIMATED_BUDGET;
import static city.ideatoservice.process.ProcessVariables.FUNDED_INITIATIVE;
import static city.ideatoservice.process.ProcessVariables.FUNDING_SOURCE;
import static city.ideatoservice.process.ProcessVariables.MILESTONES;
import static city.ideatoservice.process.ProcessVariables.OBJECTIVES;
import static city.ideatoservice.process.ProcessVariables.PUBLIC_REASON;
import static city.ideatoservice.process.ProcessVariables.REQUESTED_AMOUNT_CENTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.opendata.DatasetRequests;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record co-design outcome": a viable solution brings objectives, milestones, the datasets it needs and how it is
 * funded; the budget becomes whole euro cents for the funding request.
 */
@Component
public class CodesignOutcomeCheck implements TaskListener {

	static final BigDecimal MAX_BUDGET = new BigDecimal("10000000");

	private final Departments departments;

	CodesignOutcomeCheck(Departments departments) {
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String outcome = input.requiredChoice(CODESIGN_OUTCOME, List.of("VIABLE", "NO_VIABLE_SOLUTION"));
		if ("NO_VIABLE_SOLUTION".equals(outcome)) {
			input.requiredText(PUBLIC_REASON, 2000);
			return;
		}
		input.requiredText(OBJECTIVES, 2000);
		task.setVariable(MILESTONES, JsonVariables.list(milestones(input)));
		task.setVariable(DATASETS, JsonVariables.list(DatasetRequests.validate(input, DATASETS, departments.groupIds())));
		String source = input.requiredChoice(FUNDING_SOURCE, List.of("NEW_FUNDING", "EXISTING_INITIATIVE"));
		if ("NEW_FUNDING".equals(source)) {
			BigDecimal euros = input.requiredAmount(ESTIMATED_BUDGET, BigDecimal.ZERO, MAX_BUDGET);
			task.setVariable(REQUESTED_AMOUNT_CENTS, euros.movePointRight(2).longValueExact());
			task.setVariable(FUNDED_INITIATIVE, null);
		}
		else {
			input.requiredText(FUNDED_INITIATIVE, 200);
			task.setVariable(REQUESTED_AMOUNT_CENTS, 0L);
		}
	}

	private static List<Map<String, Object>> milestones(FormInput input) {
		List<Map<String, Object>> items = input.items(MILESTONES);
		if (items.isEmpty()) {
			throw FormInput.invalid(MILESTONES, "Add at least one milestone: each one ends in a checkpoint review.");
		}
		List<Map<String, Object>> milestones = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = items.get(i);
			Map<String, Object> milestone = new LinkedHashMap<>();
			milestone.put("title", FormInput.itemText(MILESTONES, i, item, "title", 120));
			String due = FormInput.itemText(MILESTONES, i, item, "dueDate", 30);
			try {
				milestone.put("dueDate", java.time.LocalDate.parse(due.length() > 10 ? due.substring(0, 10) : due).toString());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw FormInput.invalid(MILESTONES, "Milestone " + (i + 1) + " needs a due date like 2027-03-31.");
			}
			milestones.add(milestone);
		}
		return milestones;
	}

}
