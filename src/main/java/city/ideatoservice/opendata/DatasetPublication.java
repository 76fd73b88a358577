package city.ideatoservice.opendata;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.opendata.OpenDataVariables.CATALOGUE_DESCRIPTION;
import static city.ideatoservice.opendata.OpenDataVariables.CATALOGUE_ID;
import static city.ideatoservice.opendata.OpenDataVariables.CATALOGUE_TITLE;
import static city.ideatoservice.opendata.OpenDataVariables.CONTACT_POINT;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_FORMAT;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_KEYWORDS;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_LICENCE;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_OUTCOME;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_OWNER_DEPARTMENT;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_REASON;
import static city.ideatoservice.opendata.OpenDataVariables.DATASET_URL;
import static city.ideatoservice.opendata.OpenDataVariables.UPDATE_FREQUENCY;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Prepare and publish dataset": the catalogue entry (DCAT-AP's title, description,
 * publisher, open licence, format, address, update frequency, keywords and contact point,
 * as the form asks for them) goes into the catalogue in the same transaction; its id goes
 * back to the idea's process.
 */
@Component
public class DatasetPublication implements TaskListener {

	private final PublishedDatasetRepository catalogue;

	private final Clock clock;

	private final Departments departments;

	DatasetPublication(PublishedDatasetRepository catalogue, Clock clock, Departments departments) {
		this.catalogue = catalogue;
		this.clock = clock;
		this.departments = departments;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String title = input.text(CATALOGUE_TITLE);
		String department = (String) task.getVariable(DATASET_OWNER_DEPARTMENT);
		String id = catalogueId(department, title);
		catalogue.save(new PublishedDataset(id, (String) task.getVariable(IDEA_REFERENCE), title,
				input.text(CATALOGUE_DESCRIPTION), department, input.text(DATASET_LICENCE), input.text(DATASET_FORMAT),
				input.text(DATASET_URL), input.text(UPDATE_FREQUENCY), String.join(",", keywords(input)),
				input.text(CONTACT_POINT), clock.instant(), true));
		task.setVariable(CATALOGUE_ID, id);
		task.setVariable(DATASET_OUTCOME, DatasetRequest.PUBLISHED);
		task.setVariable(DATASET_REASON, null);
	}

	/** "a, b, a, , c" as [a, b, c]: the form limits their number and length. */
	private static List<String> keywords(FormInput input) {
		String text = input.text(DATASET_KEYWORDS);
		return text == null ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(word -> !word.isEmpty()).distinct().toList();
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
