package city.ideatoservice.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.organisation.Departments.Department;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The organisation settings of application.yml, bound and checked as at start (no
 * engine): the departments with their groups, German names and budgets, the option lists
 * the forms get, and a clear start-up failure for a department without a name.
 */
class OrganisationSettingsTest {

	@Configuration
	@EnableConfigurationProperties(OrganisationProperties.class)
	@Import({ Departments.class, FormOptions.class, FormValidation.class })
	static class Settings {

	}

	final ApplicationContextRunner application = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Settings.class);

	@Test
	void theFiveDepartmentsOfTheSettingsHaveTheirGroupsNamesAndBudgets() {
		application.run(context -> {
			assertThat(context).hasNotFailed();
			List<Department> departments = context.getBean(Departments.class).all();
			assertThat(departments).extracting(Department::id, Department::name, Department::nameDe)
				.containsExactly(tuple("mobility", "Mobility", "Mobilität"),
						tuple("environment", "Environment", "Umwelt"),
						tuple("social-services", "Social services", "Soziales"),
						tuple("urban-planning", "Urban planning", "Stadtplanung"),
						tuple("culture", "Culture", "Kultur"));
			assertThat(departments).allSatisfy(d -> assertThat(d.yearlyBudget()).isPositive());
			assertThat(departments.get(4).yearlyBudget()).isEqualByComparingTo(new BigDecimal("80000"));
			Departments bean = context.getBean(Departments.class);
			assertThat(bean.headsOf("dept-social-services")).isEqualTo("heads-social-services");
			assertThat(bean.stewardsOf("dept-culture")).isEqualTo("data-stewards-culture");
			assertThat(bean.byAnyGroup("heads-urban-planning")).map(Department::group).hasValue("dept-urban-planning");
			assertThat(Groups.all(bean))
				.contains("innovation-office", "operators", "innovation-office-leads", "mayors-office-leads",
						"dept-mobility", "data-stewards-mobility", "heads-mobility", "heads-culture")
				.doesNotContain("process-designers-leads", "operators-leads")
				.hasSize(11 + 9 + 3 * 5);
		});
	}

	@Test
	void theFormsGetTheListsAsLabelsAndValues() {
		application.run(context -> {
			Map<String, List<Map<String, String>>> options = context.getBean(FormOptions.class).options();
			assertThat(options.get(FormOptions.DEPARTMENT_OPTIONS)).hasSize(5)
				.first()
				.isEqualTo(Map.of("label", "Mobility", "value", "dept-mobility"));
			assertThat(options.get(FormOptions.GROUP_OPTIONS)).contains(
					Map.of("label", "Culture", "value", "dept-culture"), Map.of("label", "Legal", "value", "legal"),
					Map.of("label", "IT", "value", "it"), Map.of("label", "Finance", "value", "finance"));
			assertThat(options.get(FormOptions.COMMITTEE_OPTIONS)).extracting(o -> o.get("value"))
				.containsExactly("MOBILITY_ENVIRONMENT", "SOCIAL_CULTURE", "URBAN_PLANNING", "FINANCE");
			assertThat(options.get(FormOptions.SESSION_FORMAT_OPTIONS))
				.contains(Map.of("label", "Living-lab session", "value", "LIVING_LAB"));
			assertThat(options.get(FormOptions.DATASET_FORMAT_OPTIONS))
				.contains(Map.of("label", "API (web service)", "value", "API"));
		});
	}

	@Test
	void aDepartmentWithoutANameStopsTheStart() {
		application
			.withPropertyValues("idea-to-service.organisation.departments.theatre.name-de=Theater",
					"idea-to-service.organisation.departments.theatre.yearly-budget=5000")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(BindValidationException.class)
					.hasMessageContaining("departments[theatre].name")
					.hasMessageContaining("must not be blank");
			});
	}

	@Test
	void aCommitteeWithoutANameStopsTheStart() {
		application.withPropertyValues("idea-to-service.organisation.committees[0].id=PLANNING")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("committees[0].name"));
	}

	/**
	 * The triage table is the designer's file; its sponsor departments must be
	 * departments of the settings.
	 */
	@Test
	void theTriageTableProposesOnlyDepartmentsOfTheSettings() throws Exception {
		try (InputStream dmn = getClass().getClassLoader().getResourceAsStream("processes/idea-triage.dmn")) {
			DecisionTable table = (DecisionTable) ((Decision) Dmn.readModelFromStream(dmn)
				.getModelElementById("idea-triage")).getExpression();
			List<Output> outputs = List.copyOf(table.getOutputs());
			int sponsor = outputs.indexOf(outputs.stream()
				.filter(output -> "sponsorDepartment".equals(output.getName()))
				.findFirst()
				.orElseThrow());
			List<String> proposed = table.getRules()
				.stream()
				.map(Rule::getOutputEntries)
				.map(entries -> List.copyOf(entries).get(sponsor).getTextContent().replace("\"", "").strip())
				.filter(department -> !department.isEmpty())
				.distinct()
				.toList();
			application.run(context -> assertThat(context.getBean(Departments.class).groupIds())
				.as("departments in the settings")
				.containsAll(proposed));
			assertThat(proposed).isNotEmpty();
		}
	}

	static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
