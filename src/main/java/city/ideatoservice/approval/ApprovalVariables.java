package city.ideatoservice.approval;

/**
 * Names of the process variables of departmental approvals: the models and forms use the
 * same names.
 */
public final class ApprovalVariables {

	public static final String IMPLEMENTING_DEPARTMENTS = "implementingDepartments";

	public static final String APPROVER_GROUP = "approverGroup";

	public static final String APPROVAL_DECISION = "approvalDecision";

	public static final String APPROVAL_REASON = "approvalReason";

	public static final String APPROVAL_ROUND = "approvalRound";

	public static final String APPROVAL_OUTCOME = "approvalOutcome";

	public static final String APPROVAL_FEEDBACK = "approvalFeedback";

	public static final String REVISION_SUMMARY = "revisionSummary";

	private ApprovalVariables() {
	}

}
