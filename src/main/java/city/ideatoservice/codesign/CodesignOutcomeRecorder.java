package city.ideatoservice.codesign;

import static city.ideatoservice.codesign.CodesignVariables.CODESIGN_OUTCOME;
import static city.ideatoservice.codesign.CodesignVariables.MILESTONES;
import static city.ideatoservice.codesign.CodesignVariables.PILOT_START_DATE;
import static city.ideatoservice.funding.FundingVariables.ESTIMATED_BUDGET;
import static city.ideatoservice.funding.FundingVariables.FUNDED_INITIATIVE;
import static city.ideatoservice.funding.FundingVariables.FUNDING_SOURCE;
import static city.ideatoservice.funding.FundingVariables.REQUESTED_AMOUNT_CENTS;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.opendata.OpenDataVariables.CATALOGUE_DATASETS;
import static city.ideatoservice.opendata.OpenDataVariables.DATASETS;
import static city.ideatoservice.partner.PartnerVariables.PARTNERS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.form.TypedDates;
import city.ideatoservice.opendata.CatalogueLinks;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record co-design outcome": a viable solution has at least one milestone (each ends in
 * a checkpoint review, and a form cannot ask for a number of entries); its budget becomes
 * whole euro cents for the funding request. Its partners join the idea (their contacts
 * are kept in the partner table, not in the process), and the datasets it names from the
 * catalogue count for the idea at once. When the pilot's start is planned, every
 * milestone is due before it: the prototype is built before citizens try it.
 */
@Component
public class CodesignOutcomeRecorder implements TaskListener {

	private final FormValidation forms;

	private final Partners partners;

	private final CatalogueLinks catalogueLinks;

	CodesignOutcomeRecorder(FormValidation forms, Partners partners, CatalogueLinks catalogueLinks) {
		this.forms = forms;
		this.partners = partners;
		this.catalogueLinks = catalogueLinks;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!"VIABLE".equals(task.getVariable(CODESIGN_OUTCOME))) {
			return;
		}
		FormInput input = FormInput.of(task);
		List<Map<String, Object>> milestones = input.items(MILESTONES);
		if (milestones.isEmpty()) {
			throw forms.invalid(task, MILESTONES, "add at least one milestone; each one ends in a checkpoint review.");
		}
		String pilotStart = input.text(PILOT_START_DATE);
		if (pilotStart != null) {
			LocalDate pilot = LocalDate.parse(pilotStart);
			for (Map<String, Object> milestone : milestones) {
				LocalDate due = LocalDate.parse(String.valueOf(milestone.get("dueDate")));
				if (!due.isBefore(pilot)) {
					throw forms.invalid(task, MILESTONES,
							"'" + milestone.get("title") + "' is due on " + TypedDates.DAY.format(due)
									+ ", but the pilot starts on " + TypedDates.DAY.format(pilot)
									+ "; a milestone must be due before the pilot starts.");
				}
			}
		}
		// the checkpoints and the data opening work through these lists as Json, however
		// they were submitted
		task.setVariable(MILESTONES, JsonVariables.list(milestones));
		task.setVariable(DATASETS, JsonVariables.list(input.items(DATASETS)));
		if ("NEW_FUNDING".equals(task.getVariable(FUNDING_SOURCE))) {
			task.setVariable(REQUESTED_AMOUNT_CENTS, input.number(ESTIMATED_BUDGET).movePointRight(2).longValueExact());
			task.setVariable(FUNDED_INITIATIVE, null);
		}
		else {
			task.setVariable(REQUESTED_AMOUNT_CENTS, 0L);
		}
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		partners.join(reference, input.items(PARTNERS));
		task.removeVariable(PARTNERS);
		catalogueLinks.link(reference, input.list(CATALOGUE_DATASETS));
	}

}
