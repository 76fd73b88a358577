package city.ideatoservice.opendata;

import static city.ideatoservice.opendata.OpenDataVariables.CATALOGUE_OPTIONS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.form.CamundaForm;
import city.ideatoservice.form.FormValidation;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.process.EveryUserTask;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The catalogue for the forms: a user task whose form names
 * {@code "valuesKey": "catalogueOptions"} gets the published datasets as it is created
 * ({@code [{"label": "Bus stops (Mobility)", "value": "mobility-bus-stops-3f9a2c"}]}), so
 * the form offers, and the server accepts, only datasets in the catalogue.
 */
@Component
public class CatalogueOptions extends AbstractProcessEnginePlugin {

	private final PublishedDatasetRepository catalogue;

	private final Departments departments;

	private final FormValidation forms;

	CatalogueOptions(PublishedDatasetRepository catalogue, Departments departments, FormValidation forms) {
		this.catalogue = catalogue;
		this.departments = departments;
		this.forms = forms;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::offer);
	}

	void offer(DelegateTask task) {
		if (forms.formOf(task).map(CamundaForm::valuesKeys).orElse(java.util.Set.of()).contains(CATALOGUE_OPTIONS)) {
			task.setVariableLocal(CATALOGUE_OPTIONS, JsonVariables.list(options()));
		}
	}

	List<Map<String, String>> options() {
		return catalogue.findAll(Sort.by("title", "catalogueId")).stream().map(dataset -> {
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label",
					dataset.title() + " ("
							+ departments.byGroup(dataset.publisherDepartment())
								.map(Departments.Department::name)
								.orElse(dataset.publisherDepartment())
							+ ")");
			option.put("value", dataset.catalogueId());
			return option;
		}).toList();
	}

}
