package city.ideatoservice.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * The table processes/adoption-route.dmn row by row, on the plain DMN engine: how an
 * approved service goes official, by a council vote or a mayor's decree, from what the
 * department head gave in "Recommend adoption" (yearly running cost as Tasklist sends a
 * number: Integer or Double). Every rule of the table decides at least one row of
 * {@link #eachRuleChoosesItsRoute}; a new rule without a row fails
 * {@link #everyRuleIsTested()}.
 */
class AdoptionRouteDecisionTest {

	static final String DECISION = "adoption-route";

	/** Reach, yearly running cost, changes a regulation; the deciding rule, the route. */
	static final String ROWS = """
			NEIGHBOURHOOD, 1000,    YES, Rule_RegulationChanges, COUNCIL
			CITY,          80000.5, YES, Rule_RegulationChanges, COUNCIL
			DISTRICT,      50001,   NO,  Rule_HighRunningCost,   COUNCIL
			NEIGHBOURHOOD, 120000,  NO,  Rule_HighRunningCost,   COUNCIL
			CITY,          20000.01, NO, Rule_CityWide,          COUNCIL
			CITY,          50000,   NO,  Rule_CityWide,          COUNCIL
			CITY,          20000,   NO,  Rule_MayorsDecree,      MAYORS_DECREE
			CITY,          0,       NO,  Rule_MayorsDecree,      MAYORS_DECREE
			DISTRICT,      50000,   NO,  Rule_MayorsDecree,      MAYORS_DECREE
			NEIGHBOURHOOD, 8000,    NO,  Rule_MayorsDecree,      MAYORS_DECREE
			""";

	static DmnEngine dmnEngine;

	static DecisionTable table;

	static DmnDecision decision;

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
		try (InputStream dmn = AdoptionRouteDecisionTest.class.getClassLoader()
			.getResourceAsStream("processes/adoption-route.dmn")) {
			assertThat(dmn).as("processes/adoption-route.dmn on the classpath").isNotNull();
			DmnModelInstance model = Dmn.readModelFromStream(dmn);
			table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
			decision = dmnEngine.parseDecision(DECISION, model);
		}
	}

	@BeforeEach
	void forgetMatches() {
		matchedRules.clear();
	}

	static Object cost(String text) {
		return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Integer.valueOf(text);
	}

	@ParameterizedTest(name = "{0}, {1} euros a year, regulation changes: {2} -> {3}, {4}")
	@CsvSource(textBlock = ROWS)
	void eachRuleChoosesItsRoute(String reach, String cost, String regulation, String rule, String route) {
		DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision,
				Map.of("ideaReach", reach, "yearlyRunningCost", cost(cost), "changesRegulation", regulation));

		assertThat(matchedRules).as("the first matching rule decides").first().isEqualTo(rule);
		assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(route);
	}

	@Test
	void everyRuleIsTested() {
		Set<String> testedRules = ROWS.strip()
			.lines()
			.map(row -> row.split(",")[3].strip())
			.collect(Collectors.toSet());
		Set<String> rules = table.getRules().stream().map(Rule::getId).collect(Collectors.toSet());
		assertThat(testedRules).as("rules of %s: add a row to eachRuleChoosesItsRoute for each new rule", DECISION)
			.isEqualTo(rules);
	}

	@Test
	void theFirstMatchingRuleDecidesAndTheLastSendsEverythingElseToTheMayor() {
		assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
		assertThat(table.getRules()).last().extracting(Rule::getId).isEqualTo("Rule_MayorsDecree");
	}

}
