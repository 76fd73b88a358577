package city.ideatoservice.opendata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.process.FormInput;

/** The datasets a prototype needs, as the champion lists them: title, owning department, purpose. */
public final class DatasetRequests {

	private DatasetRequests() {
	}

	public static List<Map<String, Object>> validate(FormInput input, String field, Collection<String> departmentGroups) {
		List<Map<String, Object>> datasets = new ArrayList<>();
		List<Map<String, Object>> items = input.items(field);
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = items.get(i);
			Map<String, Object> dataset = new LinkedHashMap<>();
			dataset.put("title", FormInput.itemText(field, i, item, "title", 120));
			String owner = FormInput.itemText(field, i, item, "ownerDepartment", 64);
			if (!departmentGroups.contains(owner)) {
				throw FormInput.invalid(field, "Dataset " + (i + 1) + ": '" + owner + "' is not a department.");
			}
			dataset.put("ownerDepartment", owner);
			dataset.put("purpose", FormInput.itemText(field, i, item, "purpose", 500));
			datasets.add(dataset);
		}
		return datasets;
	}

}
