package city.ideatoservice.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The table processes/funding-approval.dmn row by row, on the plain DMN engine (no
 * Spring, no process engine): who approves a prototype's funding by source and amount in
 * euro cents, at every limit. Every rule of the table is named by at least one row of
 * {@link #decidesWhoApproves}; a new rule without a row fails
 * {@link #everyRuleIsTested()}.
 */
class FundingApprovalDecisionTest {

	static final String DECISION = "funding-approval";

	static final String ROWS = """
			true,  NULL,       JOIN,   Rule_JoinFundedInitiative
			true,  0,          JOIN,   Rule_JoinFundedInitiative
			true,  500000,     JOIN,   Rule_JoinFundedInitiative
			true,  1000000000, JOIN,   Rule_JoinFundedInitiative
			false, 1,          SMALL,  Rule_SmallAmount
			false, 500000,     SMALL,  Rule_SmallAmount
			false, 500001,     MEDIUM, Rule_MediumAmount
			false, 5000000,    MEDIUM, Rule_MediumAmount
			false, 5000001,    LARGE,  Rule_LargeAmount
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
		try (InputStream dmn = FundingApprovalDecisionTest.class.getClassLoader()
			.getResourceAsStream("processes/funding-approval.dmn")) {
			assertThat(dmn).as("processes/funding-approval.dmn on the classpath").isNotNull();
			DmnModelInstance model = Dmn.readModelFromStream(dmn);
			table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
			decision = dmnEngine.parseDecision(DECISION, model);
		}
	}

	@BeforeEach
	void forgetMatches() {
		matchedRules.clear();
	}

	DmnDecisionTableResult evaluate(boolean joins, Long amountCents) {
		// the process passes requestedAmountCents as a Long; it may be missing
		Map<String, Object> variables = new HashMap<>();
		variables.put("joinsFundedInitiative", joins);
		variables.put("requestedAmountCents", amountCents);
		return dmnEngine.evaluateDecisionTable(decision, variables);
	}

	@ParameterizedTest(name = "joins {0}, {1} cents -> {2} ({3})")
	@CsvSource(nullValues = "NULL", textBlock = ROWS)
	void decidesWhoApproves(boolean joins, Long amountCents, String level, String rule) {
		DmnDecisionTableResult result = evaluate(joins, amountCents);

		assertThat(result).as("rules matching joins=%s, %s cents", joins, amountCents).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap()).containsExactly(Map.entry("approvalLevel", level));
		assertThat(matchedRules).containsExactly(rule);
	}

	@Test
	void aNewRequestWithoutAnAmountMatchesNoRule() {
		// CodesignOutcomeRecorder always sets requestedAmountCents; without it the
		// process could not route
		assertThat(evaluate(false, null)).isEmpty();
	}

	@Test
	void everyRuleIsTested() {
		Set<String> testedRules = ROWS.strip()
			.lines()
			.map(row -> row.substring(row.lastIndexOf(',') + 1).strip())
			.collect(Collectors.toSet());
		Set<String> rules = table.getRules().stream().map(Rule::getId).collect(Collectors.toSet());
		assertThat(testedRules).as("rules of %s: add a row to decidesWhoApproves for each new rule", DECISION)
			.hasSize(table.getRules().size())
			.isEqualTo(rules);
	}

	@Test
	void exactlyOneRuleMatchesEveryInput() {
		assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
	}

}
