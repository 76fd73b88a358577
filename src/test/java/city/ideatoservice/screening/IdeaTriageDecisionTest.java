package city.ideatoservice.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The triage table processes/idea-triage.dmn rule by rule, on the plain DMN engine (no
 * Spring, no process engine). Every row of the CSV is one rule of the table; a new rule
 * without a new row fails {@link #everyRuleIsTested()}.
 */
class IdeaTriageDecisionTest {

	static final String DECISION = "idea-triage";

	static DmnEngine dmnEngine;

	static DecisionTable table;

	static DmnDecision decision;

	@BeforeAll
	static void parseTable() throws Exception {
		dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream dmn = IdeaTriageDecisionTest.class.getClassLoader()
			.getResourceAsStream("processes/idea-triage.dmn")) {
			assertThat(dmn).as("processes/idea-triage.dmn on the classpath").isNotNull();
			DmnModelInstance model = Dmn.readModelFromStream(dmn);
			table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
			decision = dmnEngine.parseDecision(DECISION, model);
		}
	}

	@ParameterizedTest(name = "{0} {1} -> {2}, {3}, {4}")
	@CsvSource(nullValues = "NULL", textBlock = """
			MOBILITY,       CITY,          MOBILITY,       dept-mobility,        HIGH
			MOBILITY,       DISTRICT,      MOBILITY,       dept-mobility,        NORMAL
			ENVIRONMENT,    CITY,          ENVIRONMENT,    dept-environment,     HIGH
			ENVIRONMENT,    NEIGHBOURHOOD, ENVIRONMENT,    dept-environment,     NORMAL
			SOCIAL,         CITY,          SOCIAL,         dept-social-services, HIGH
			SOCIAL,         DISTRICT,      SOCIAL,         dept-social-services, NORMAL
			URBAN_PLANNING, CITY,          URBAN_PLANNING, dept-urban-planning,  HIGH
			URBAN_PLANNING, NEIGHBOURHOOD, URBAN_PLANNING, dept-urban-planning,  NORMAL
			CULTURE,        CITY,          CULTURE,        dept-culture,         HIGH
			CULTURE,        DISTRICT,      CULTURE,        dept-culture,         NORMAL
			OTHER,          CITY,          OTHER,          NULL,                 HIGH
			OTHER,          NEIGHBOURHOOD, OTHER,          NULL,                 NORMAL
			""")
	void proposesTriage(String theme, String reach, String category, String sponsorDepartment, String priority) {
		DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision,
				Map.of("ideaTheme", theme, "ideaReach", reach));

		assertThat(result).as("rules matching %s %s", theme, reach).hasSize(1);
		DmnDecisionRuleResult proposal = result.getSingleResult();
		// an empty output entry (no sponsor for OTHER) leaves the output out of the
		// result
		assertThat(proposal.getEntryMap()).containsEntry("category", category)
			.containsEntry("priority", priority)
			.satisfies(entries -> assertThat(entries.get("sponsorDepartment")).isEqualTo(sponsorDepartment));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "MOBILITY", "ENVIRONMENT", "SOCIAL", "URBAN_PLANNING", "CULTURE", "OTHER" })
	void everyReachOfATheme(String theme) {
		// not("CITY") covers both local reaches: NEIGHBOURHOOD and DISTRICT give the same
		// proposal
		DmnDecisionRuleResult neighbourhood = dmnEngine
			.evaluateDecisionTable(decision, Map.of("ideaTheme", theme, "ideaReach", "NEIGHBOURHOOD"))
			.getSingleResult();
		DmnDecisionRuleResult district = dmnEngine
			.evaluateDecisionTable(decision, Map.of("ideaTheme", theme, "ideaReach", "DISTRICT"))
			.getSingleResult();
		assertThat(district.getEntryMap()).isEqualTo(neighbourhood.getEntryMap());
		assertThat(district.getEntryMap()).containsEntry("priority", "NORMAL");
	}

	@Test
	void everyRuleIsTested() throws Exception {
		CsvSource rows = getClass()
			.getDeclaredMethod("proposesTriage", String.class, String.class, String.class, String.class, String.class)
			.getAnnotation(CsvSource.class);
		long testedRows = rows.textBlock().strip().lines().count();
		assertThat(table.getRules()).as("rules of %s: add a row to proposesTriage for each new rule", DECISION)
			.hasSize((int) testedRows);
	}

	@Test
	void exactlyOneRuleMatchesEveryInput() {
		assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
	}

}
