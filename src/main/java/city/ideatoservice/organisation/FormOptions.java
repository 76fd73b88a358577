package city.ideatoservice.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import city.ideatoservice.form.CamundaForm;
import city.ideatoservice.form.FormValidation;
import city.ideatoservice.organisation.OrganisationProperties.Choice;
import city.ideatoservice.process.EveryUserTask;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The organisation's lists for the forms: a select with
 * {@code "valuesKey": "departmentOptions"} offers the departments of the settings. Every
 * user task of every model gets, when it is created, the option lists its deployed form
 * names as task-local variables ({@code [{"label": "Mobility", "value": "dept-mobility"},
 * ...]}), which Tasklist reads with the task's form variables. Labels are English: the
 * Tasklist has one language here.
 */
@Component
public class FormOptions extends AbstractProcessEnginePlugin {

	public static final String DEPARTMENT_OPTIONS = "departmentOptions";

	/** Departments and city-wide groups, e.g. whose approval a task asks for. */
	public static final String GROUP_OPTIONS = "groupOptions";

	public static final String COMMITTEE_OPTIONS = "committeeOptions";

	public static final String SESSION_FORMAT_OPTIONS = "sessionFormatOptions";

	public static final String DATASET_FORMAT_OPTIONS = "datasetFormatOptions";

	/**
	 * The civil servants who may champion an idea (innovation office, department staff),
	 * by name: read from the identity service when the task is created.
	 */
	public static final String CHAMPION_OPTIONS = "championOptions";

	private final Map<String, List<Map<String, String>>> options = new LinkedHashMap<>();

	private final FormValidation forms;

	private final Departments departments;

	FormOptions(Departments departments, OrganisationProperties organisation, FormValidation forms) {
		this.forms = forms;
		this.departments = departments;
		List<Map<String, String>> departmentOptions = departments.all()
			.stream()
			.map(department -> option(department.name(), department.group()))
			.toList();
		List<Map<String, String>> groupOptions = new ArrayList<>(departmentOptions);
		Groups.CITY_GROUPS.forEach(group -> groupOptions.add(option(group[1], group[0])));
		options.put(DEPARTMENT_OPTIONS, departmentOptions);
		options.put(GROUP_OPTIONS, List.copyOf(groupOptions));
		options.put(COMMITTEE_OPTIONS, options(organisation.committees()));
		options.put(SESSION_FORMAT_OPTIONS, options(organisation.sessionFormats()));
		options.put(DATASET_FORMAT_OPTIONS, options(organisation.datasetFormats()));
	}

	/** The option lists by valuesKey. */
	public Map<String, List<Map<String, String>>> options() {
		return options;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::offer);
	}

	void offer(DelegateTask task) {
		Set<String> valuesKeys = forms.formOf(task).map(CamundaForm::valuesKeys).orElse(Set.of());
		for (String valuesKey : valuesKeys) {
			List<Map<String, String>> list = CHAMPION_OPTIONS.equals(valuesKey)
					? championOptions(task.getProcessEngineServices().getIdentityService()) : options.get(valuesKey);
			if (list != null) {
				task.setVariableLocal(valuesKey, JsonVariables.list(list));
			}
		}
	}

	/**
	 * Members of the innovation office and of the departments' staff groups, as "Chiara
	 * Amato (Innovation office)", sorted by name; the value is the user id.
	 */
	public List<Map<String, String>> championOptions(IdentityService identity) {
		Map<String, String> groupNames = new LinkedHashMap<>();
		groupNames.put(Groups.INNOVATION_OFFICE, "Innovation office");
		departments.all().forEach(department -> groupNames.put(department.group(), department.name()));
		Map<String, Map<String, String>> byUser = new LinkedHashMap<>();
		groupNames.forEach((group, groupName) -> identity.createUserQuery()
			.memberOfGroup(group)
			.orderByUserLastName()
			.asc()
			.list()
			.forEach(user -> byUser.computeIfAbsent(user.getId(),
					id -> option(fullName(user) + " (" + groupName + ")", id))));
		return byUser.values().stream().sorted(Comparator.comparing(option -> option.get("label"))).toList();
	}

	private static String fullName(User user) {
		String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), ""))
			.trim();
		return name.isEmpty() ? user.getId() : name;
	}

	private static List<Map<String, String>> options(List<Choice> choices) {
		return choices.stream().map(choice -> option(choice.name(), choice.id())).toList();
	}

	private static Map<String, String> option(String label, String value) {
		Map<String, String> option = new LinkedHashMap<>();
		option.put("label", label);
		option.put("value", value);
		return option;
	}

}
