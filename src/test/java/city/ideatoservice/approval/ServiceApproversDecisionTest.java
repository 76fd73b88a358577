package city.ideatoservice.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table processes/service-approvers.dmn row by row, on the plain DMN engine (no
 * Spring, no process engine): who approves a service, for the implementing departments
 * "Recommend adoption" names (a Json list, as Tasklist sends it). Every rule of the table
 * is named by a row of {@link #eachRuleAddsItsGroups}; a new rule without a row fails
 * {@link #everyRuleIsTested()}.
 */
class ServiceApproversDecisionTest {

	static final String DECISION = "service-approvers";

	/**
	 * Implementing departments (separated by spaces), a rule, and the groups that rule
	 * adds.
	 */
	static final String ROWS = """
			dept-mobility,                    Rule_ImplementingDepartments, dept-mobility
			dept-mobility dept-urban-planning, Rule_ImplementingDepartments, dept-mobility dept-urban-planning
			dept-tourism,                     Rule_ImplementingDepartments, dept-tourism
			dept-mobility,                    Rule_Legal,                   legal
			dept-mobility,                    Rule_It,                      it
			dept-mobility,                    Rule_Finance,                 finance
			""";

	static DmnEngine dmnEngine;

	static DecisionTable table;

	static DmnDecision decision;

	/**
	 * The rules that matched the last evaluation, by id (the result itself does not name
	 * them).
	 */
	static final List<String> matchedRules = new ArrayList<>();

	@BeforeAll
	static void parseTable() throws Exception {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List
			.<DmnDecisionTableEvaluationListener>of((DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules()
				.stream()
				.map(DmnEvaluatedDecisionRule::getId)
				.forEach(matchedRules::add)));
		dmnEngine = configuration.buildEngine();
		try (InputStream dmn = ServiceApproversDecisionTest.class.getClassLoader()
			.getResourceAsStream("processes/service-approvers.dmn")) {
			assertThat(dmn).as("processes/service-approvers.dmn on the classpath").isNotNull();
			DmnModelInstance model = Dmn.readModelFromStream(dmn);
			table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
			decision = dmnEngine.parseDecision(DECISION, model);
		}
	}

	@BeforeEach
	void forgetMatches() {
		matchedRules.clear();
	}

	/** Each matching rule's output, by rule id, in the order of the table. */
	Map<String, Object> evaluate(List<String> implementingDepartments) {
		DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision,
				Map.of("implementingDepartments", JsonVariables.list(implementingDepartments)));
		assertThat(result).as("one output per matching rule").hasSameSizeAs(matchedRules);
		Map<String, Object> outputs = new LinkedHashMap<>();
		for (int i = 0; i < result.size(); i++) {
			outputs.put(matchedRules.get(i), result.get(i).getSingleEntry());
		}
		return outputs;
	}

	static List<String> words(String text) {
		return Arrays.asList(text.strip().split("\\s+"));
	}

	@ParameterizedTest(name = "{0}: {1} adds {2}")
	@CsvSource(textBlock = ROWS)
	void eachRuleAddsItsGroups(String departments, String rule, String groups) {
		Object output = evaluate(words(departments)).get(rule);

		List<String> added = output instanceof List<?> list ? list.stream().map(String::valueOf).toList()
				: List.of(String.valueOf(output));
		assertThat(added).as("groups rule %s adds", rule).containsExactlyElementsOf(words(groups));
	}

	@Test
	void everyImplementingDepartmentPlusLegalItAndFinanceApprove() {
		// the rows the process gets (collectEntries), as the approval's multi-instance
		// reads them
		List<Object> rows = new ArrayList<>(evaluate(List.of("dept-mobility", "dept-culture")).values());

		assertThat(rows).containsExactly(List.of("dept-mobility", "dept-culture"), "legal", "it", "finance");
	}

	@Test
	void withoutImplementingDepartmentsLegalItAndFinanceStillApprove() {
		assertThat(evaluate(List.of())).containsEntry("Rule_Legal", "legal")
			.containsEntry("Rule_It", "it")
			.containsEntry("Rule_Finance", "finance")
			.containsEntry("Rule_ImplementingDepartments", List.of());
	}

	@Test
	void everyRuleIsTested() {
		Set<String> testedRules = ROWS.strip()
			.lines()
			.map(row -> row.split(",")[1].strip())
			.collect(Collectors.toSet());
		Set<String> rules = table.getRules().stream().map(Rule::getId).collect(Collectors.toSet());
		assertThat(testedRules).as("rules of %s: add a row to eachRuleAddsItsGroups for each new rule", DECISION)
			.isEqualTo(rules);
	}

	@Test
	void everyMatchingRuleAddsItsGroups() {
		assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
	}

}
