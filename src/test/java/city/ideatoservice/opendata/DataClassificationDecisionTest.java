package city.ideatoservice.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.DmnHitPolicyException;
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
 * processes/data-classification.dmn rule by rule, on the plain DMN engine (no Spring, no
 * process engine). The inputs are the steward's radio answers "YES"/"NO" of the
 * assess-dataset form. Every row of the CSV exercises one rule of the table; a new rule
 * without a new row fails {@link #everyRuleIsTested()}.
 */
class DataClassificationDecisionTest {

	static final String DECISION = "data-classification";

	static final List<String> ANSWERS = List.of("YES", "NO");

	static DmnEngine dmnEngine;

	static DecisionTable table;

	static DmnDecision decision;

	@BeforeAll
	static void parseTable() throws Exception {
		dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream dmn = DataClassificationDecisionTest.class.getClassLoader()
			.getResourceAsStream("processes/data-classification.dmn")) {
			assertThat(dmn).as("processes/data-classification.dmn on the classpath").isNotNull();
			DmnModelInstance model = Dmn.readModelFromStream(dmn);
			table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
			decision = dmnEngine.parseDecision(DECISION, model);
		}
	}

	static Map<String, Object> answers(String personal, String location, String commercial, String alreadyPublic) {
		return Map.of("containsPersonalData", personal, "containsLocationData", location, "commerciallySensitive",
				commercial, "alreadyPublic", alreadyPublic);
	}

	static DmnDecisionTableResult evaluate(String personal, String location, String commercial, String alreadyPublic) {
		return dmnEngine.evaluateDecisionTable(decision, answers(personal, location, commercial, alreadyPublic));
	}

	@ParameterizedTest(
			name = "{0}: personal {1}, location {2}, commercial {3}, public {4} -> review {5}, anonymise {6}")
	@CsvSource(textBlock = """
			Rule_AlreadyPublic,         YES, YES, YES, YES, false, false
			Rule_PersonalData,          YES, NO,  NO,  NO,  true,  true
			Rule_LocationData,          NO,  YES, NO,  NO,  true,  false
			Rule_SensitiveLocationData, NO,  YES, YES, NO,  true,  true
			Rule_CommerciallySensitive, NO,  NO,  YES, NO,  false, true
			Rule_Harmless,              NO,  NO,  NO,  NO,  false, false
			""")
	void classifies(String rule, String personal, String location, String commercial, String alreadyPublic,
			boolean privacyReviewRequired, boolean anonymisationRequired) {
		assertThat(table.getRules()).as("rule %s in the table", rule)
			.anySatisfy(r -> assertThat(r.getId()).isEqualTo(rule));

		DmnDecisionTableResult result = evaluate(personal, location, commercial, alreadyPublic);

		assertThat(result).as("rules matching").hasSize(1);
		DmnDecisionRuleResult classification = result.getSingleResult();
		assertThat(classification.getEntryMap()).containsOnly(Map.entry("privacyReviewRequired", privacyReviewRequired),
				Map.entry("anonymisationRequired", anonymisationRequired));
	}

	@Test
	void everyRuleIsTested() throws Exception {
		CsvSource rows = getClass()
			.getDeclaredMethod("classifies", String.class, String.class, String.class, String.class, String.class,
					boolean.class, boolean.class)
			.getAnnotation(CsvSource.class);
		List<String> testedRules = rows.textBlock().strip().lines().map(line -> line.split(",")[0].strip()).toList();
		assertThat(table.getRules()).as("rules of %s: add a row to classifies for each new rule", DECISION)
			.hasSize(testedRules.size());
		assertThat(table.getRules().stream().map(r -> r.getId()).toList())
			.containsExactlyInAnyOrderElementsOf(testedRules);
	}

	@Test
	void theHitPolicyIsUnique() {
		assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
		assertThat(table.getOutputs()).extracting(o -> o.getName())
			.containsExactly("privacyReviewRequired", "anonymisationRequired");
	}

	/**
	 * All 16 combinations of answers: exactly one rule matches each, and it gives both
	 * outputs.
	 */
	@Test
	void exactlyOneRuleMatchesEveryCombinationOfAnswers() {
		List<String> problems = new ArrayList<>();
		int combinations = 0;
		for (String personal : ANSWERS) {
			for (String location : ANSWERS) {
				for (String commercial : ANSWERS) {
					for (String alreadyPublic : ANSWERS) {
						combinations++;
						String answers = personal + "/" + location + "/" + commercial + "/" + alreadyPublic;
						try {
							DmnDecisionTableResult result = evaluate(personal, location, commercial, alreadyPublic);
							if (result.size() != 1) {
								problems.add(answers + ": " + result.size() + " rules match");
							}
							else if (!result.getSingleResult()
								.getEntryMap()
								.keySet()
								.equals(java.util.Set.of("privacyReviewRequired", "anonymisationRequired"))) {
								problems.add(answers + ": outputs " + result.getSingleResult().getEntryMap());
							}
						}
						catch (DmnHitPolicyException ex) {
							problems.add(answers + ": " + ex.getMessage());
						}
					}
				}
			}
		}
		assertThat(combinations).isEqualTo(16);
		assertThat(problems).as("combinations without exactly one rule").isEmpty();
	}

	/**
	 * What the form promises ("Your answers decide whether the privacy office reviews the
	 * data ... and whether it must be anonymised (or aggregated) first. Data that is
	 * already public needs neither."): personal data or exact locations are reviewed;
	 * personal data or commercially sensitive data is anonymised or aggregated. Answering
	 * YES to one more question (other than "already public") never needs less.
	 */
	@Test
	void moreSensitiveAnswersNeverNeedLess() {
		List<String> problems = new ArrayList<>();
		for (String personal : ANSWERS) {
			for (String location : ANSWERS) {
				for (String commercial : ANSWERS) {
					for (String alreadyPublic : ANSWERS) {
						boolean isPublic = "YES".equals(alreadyPublic);
						boolean review = !isPublic && ("YES".equals(personal) || "YES".equals(location));
						boolean anonymise = !isPublic && ("YES".equals(personal) || "YES".equals(commercial));
						Map<String, Object> expected = Map.of("privacyReviewRequired", review, "anonymisationRequired",
								anonymise);
						Map<String, Object> actual = evaluate(personal, location, commercial, alreadyPublic)
							.getSingleResult()
							.getEntryMap();
						if (!expected.equals(actual)) {
							problems.add("personal " + personal + ", location " + location + ", commercial "
									+ commercial + ", public " + alreadyPublic + ": expected " + expected + " but was "
									+ actual);
						}
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			fail("classification weaker than its answers:\n" + String.join("\n", problems));
		}
	}

}
