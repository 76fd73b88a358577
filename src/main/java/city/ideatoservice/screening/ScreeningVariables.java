package city.ideatoservice.screening;

/**
 * Names of the process variables of screening: triage and the screener's decision: the
 * models and forms use the same names.
 */
public final class ScreeningVariables {

	public static final String TRIAGE = "triage";

	public static final String CATEGORY = "category";

	public static final String PRIORITY = "priority";

	public static final String SCREENING_DECISION = "screeningDecision";

	public static final String DUPLICATE_OF = "duplicateOf";

	public static final String QUESTION_TO_CITIZEN = "questionToCitizen";

	public static final String CITIZEN_ANSWER = "citizenAnswer";

	private ScreeningVariables() {
	}

}
