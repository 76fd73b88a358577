package city.ideatoservice.funding;

/**
 * Names of the process variables of prototype funding: the models and forms use the same
 * names.
 */
public final class FundingVariables {

	public static final String FUNDING_SOURCE = "fundingSource";

	public static final String ESTIMATED_BUDGET = "estimatedBudget";

	public static final String REQUESTED_AMOUNT_CENTS = "requestedAmountCents";

	public static final String FUNDED_INITIATIVE = "fundedInitiative";

	public static final String FUNDING_OUTCOME = "fundingOutcome";

	public static final String APPROVED_AMOUNT = "approvedAmount";

	public static final String APPROVED_AMOUNT_CENTS = "approvedAmountCents";

	public static final String FUNDING_REASON = "fundingReason";

	public static final String FUNDING_PURPOSE = "fundingPurpose";

	public static final String FUNDING_ROUND = "fundingRound";

	public static final String FUNDING_REQUEST_ROUND = "fundingRequestRound";

	public static final String FUNDING_HISTORY = "fundingHistory";

	public static final String FUNDING_APPROVERS = "fundingApprovers";

	public static final String JOINS_FUNDED_INITIATIVE = "joinsFundedInitiative";

	public static final String APPROVAL_LEVEL = "approvalLevel";

	public static final String APPROVER_ROLE = "approverRole";

	public static final String RESERVES_BUDGET = "reservesBudget";

	public static final String FUNDING_STEP = "fundingStep";

	public static final String FINANCE_REVIEW_DECISION = "financeReviewDecision";

	public static final String REQUESTED_AMOUNT = "requestedAmount";

	public static final String REMAINING_BUDGET = "remainingBudget";

	public static final String REVISION_DECISION = "revisionDecision";

	public static final String NEW_REQUESTED_AMOUNT = "newRequestedAmount";

	public static final String REVISED_PURPOSE = "revisedPurpose";

	private FundingVariables() {
	}

}
