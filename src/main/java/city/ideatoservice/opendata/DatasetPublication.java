package city.ideatoservice.opendata;

import static city.ideatoservice.process.ProcessVariables.ANONYMISATION_CONFIRMED;
import static city.ideatoservice.process.ProcessVariables.ANONYMISATION_REQUIRED;
import static city.ideatoservice.process.ProcessVariables.CATALOGUE_DESCRIPTION;
import static city.ideatoservice.process.ProcessVariables.CATALOGUE_ID;
import static city.ideatoservice.process.ProcessVariables.CATALOGUE_TITLE;
import static city.ideatoservice.process.ProcessVariables.CONTACT_POINT;
import static city.ideatoservice.process.ProcessVariables.DATASET_FORMAT;
import static city.ideatoservice.process.ProcessVariables.DATASET_KEYWORDS;
import static city.ideatoservice.process.ProcessVariables.DATASET_LICENCE;
import static city.ideatoservice.process.ProcessVariables.DATASET_OUTCOME;
import static city.ideatoservice.process.ProcessVariables.DATASET_OWNER_DEPARTMENT;
import static city.ideatoservice.process.ProcessVariables.DATASET_REASON;
import static city.ideatoservice.process.ProcessVariables.DATASET_URL;
import static city.ideatoservice.process.ProcessVariables.IDEA_REFERENCE;
import static city.ideatoservice.process.ProcessVariables.UPDATE_FREQUENCY;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import city.ideatoservice.idea.IdeaRules;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.OrganisationProperties;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Prepare and publish dataset": the catalogue entry needs DCAT-AP's title, description, publisher, open licence,
 * format, address, update frequency, keywords and contact point. Anonymised data is confirmed as such. The entry
 * goes into the catalogue in the same transaction; its id goes back to the idea's process.
 */
@Component
public class DatasetPublication implements TaskListener {

	public static final List<String> LICENCES = List.of("CC-BY-4.0", "CC0-1.0", "ODbL-1.0");

	public static final List<String> FREQUENCIES = List.of("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL",
			"IRREGULAR", "NEVER");

	private final PublishedDatasetRepository catalogue;

	private final Clock clock;

	private final Departments departments;

	private final OrganisationProperties organisation;

	DatasetPublication(PublishedDatasetRepository catalogue, Clock clock, Departments departments,
			OrganisationProperties organisation) {
		this.catalogue = catalogue;
		this.clock = clock;
		this.departments = departments;
		this.organisation = organisation;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String title = input.requiredText(CATALOGUE_TITLE, 200);
		String description = input.requiredText(CATALOGUE_DESCRIPTION, 4000);
		String licence = input.requiredChoice(DATASET_LICENCE, LICENCES);
		String format = input.requiredChoice(DATASET_FORMAT, organisation.datasetFormatIds());
		String url = input.requiredWebAddress(DATASET_URL).toString();
		String frequency = input.requiredChoice(UPDATE_FREQUENCY, FREQUENCIES);
		String contact = input.requiredText(CONTACT_POINT, IdeaRules.EMAIL_MAX);
		if (!IdeaRules.EMAIL.matcher(contact).matches()) {
			throw FormInput.invalid(CONTACT_POINT, "'" + contact + "' is not an e-mail address.");
		}
		List<String> keywords = keywords(input, task.getVariable(DATASET_KEYWORDS));
		if (Boolean.TRUE.equals(task.getVariable(ANONYMISATION_REQUIRED))
				&& !Boolean.TRUE.equals(task.getVariable(ANONYMISATION_CONFIRMED))) {
			throw FormInput.invalid(ANONYMISATION_CONFIRMED,
					"This dataset may only be published anonymised: confirm that the published data is anonymised.");
		}
		String department = (String) task.getVariable(DATASET_OWNER_DEPARTMENT);
		String id = catalogueId(department, title);
		catalogue.save(new PublishedDataset(id, (String) task.getVariable(IDEA_REFERENCE), title, description,
				department, licence, format, url, frequency, String.join(",", keywords), contact, clock.instant(), true));
		task.setVariable(CATALOGUE_ID, id);
		task.setVariable(DATASET_OUTCOME, DatasetRequest.PUBLISHED);
		task.setVariable(DATASET_REASON, null);
	}

	/** A taglist arrives as a Json list; a text field as "a, b, c". */
	private static List<String> keywords(FormInput input, Object value) {
		List<String> keywords = new ArrayList<>();
		List<Object> raw = value instanceof String text ? List.of((Object[]) text.split(",")) : input.list(DATASET_KEYWORDS);
		for (Object keyword : raw) {
			String word = String.valueOf(keyword).replace(",", " ").strip();
			if (word.length() > 50) {
				throw FormInput.invalid(DATASET_KEYWORDS, "The keyword '" + word.substring(0, 20)
						+ "...' is longer than 50 characters.");
			}
			if (!word.isEmpty() && !keywords.contains(word)) {
				keywords.add(word);
			}
		}
		if (keywords.size() > 20) {
			throw FormInput.invalid(DATASET_KEYWORDS, "Give at most 20 keywords.");
		}
		return keywords;
	}

	/** Readable and unique: mobility-traffic-counts-3f9a2c. */
	String catalogueId(String department, String title) {
		String key = departments.byGroup(department).map(Departments.Department::id).orElse("city");
		String slug = Normalizer.normalize(title, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
		return key + "-" + slug + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

}
