package city.ideatoservice.process;

/**
 * Names of the process variables the Java code reads or writes. The models and forms use the same names; the
 * model-conventions test keeps them in step.
 */
public final class ProcessVariables {

	// the idea's facts, shown read-only in every form
	public static final String IDEA_REFERENCE = "ideaReference";
	public static final String IDEA_TITLE = "ideaTitle";
	public static final String IDEA_DESCRIPTION = "ideaDescription";
	public static final String IDEA_THEME = "ideaTheme";
	public static final String IDEA_REACH = "ideaReach";
	public static final String IDEA_CHANNEL = "ideaChannel";

	// personal data typed into the start form: moved to the CITIZEN table, never kept in variables or history
	public static final String SUBMITTER_NAME = "submitterName";
	public static final String SUBMITTER_EMAIL = "submitterEmail";

	public static final String PUBLIC_REASON = "publicReason";
	public static final String IMPROVEMENT_ROUND = "improvementRound";
	public static final String IDEA_ADOPTED = "ideaAdopted";

	// screening
	public static final String TRIAGE = "triage";
	public static final String CATEGORY = "category";
	public static final String SPONSOR_DEPARTMENT = "sponsorDepartment";
	public static final String PRIORITY = "priority";
	public static final String SCREENING_DECISION = "screeningDecision";
	public static final String DUPLICATE_OF = "duplicateOf";
	public static final String QUESTION_TO_CITIZEN = "questionToCitizen";
	public static final String CITIZEN_ANSWER = "citizenAnswer";
	public static final String CHAMPION = "champion";

	// co-design
	public static final String SESSION_FORMAT = "sessionFormat";
	public static final String SESSION_DATE = "sessionDate";
	public static final String SESSION_PLACE = "sessionPlace";
	public static final String SESSION_PARTICIPANTS = "sessionParticipants";
	public static final String CODESIGN_OUTCOME = "codesignOutcome";
	public static final String OBJECTIVES = "objectives";
	public static final String MILESTONES = "milestones";
	public static final String DATASETS = "datasets";
	public static final String ADDITIONAL_DATASETS = "additionalDatasets";
	public static final String FUNDING_SOURCE = "fundingSource";
	public static final String ESTIMATED_BUDGET = "estimatedBudget";
	public static final String REQUESTED_AMOUNT_CENTS = "requestedAmountCents";
	public static final String FUNDED_INITIATIVE = "fundedInitiative";
	public static final String MILESTONE_DUE = "milestoneDue";
	public static final String CHECKPOINT_DECISION = "checkpointDecision";
	public static final String CHECKPOINT_NOTES = "checkpointNotes";

	// funding
	public static final String FUNDING_OUTCOME = "fundingOutcome";
	public static final String APPROVED_AMOUNT = "approvedAmount";
	public static final String APPROVED_AMOUNT_CENTS = "approvedAmountCents";
	public static final String FUNDING_REASON = "fundingReason";
	public static final String FUNDING_PURPOSE = "fundingPurpose";
	public static final String FUNDING_ROUND = "fundingRound";
	public static final String FUNDING_HISTORY = "fundingHistory";
	public static final String FUNDING_APPROVERS = "fundingApprovers";
	public static final String JOINS_FUNDED_INITIATIVE = "joinsFundedInitiative";
	public static final String APPROVAL_LEVEL = "approvalLevel";
	public static final String APPROVER_ROLE = "approverRole";
	public static final String RESERVES_BUDGET = "reservesBudget";
	/** An input parameter of every funding task in the model: CONFIRMATION, APPROVAL or REVISION. */
	public static final String FUNDING_STEP = "fundingStep";
	public static final String FINANCE_REVIEW_DECISION = "financeReviewDecision";
	public static final String REQUESTED_AMOUNT = "requestedAmount";
	public static final String REMAINING_BUDGET = "remainingBudget";
	public static final String REVISION_DECISION = "revisionDecision";
	public static final String NEW_REQUESTED_AMOUNT = "newRequestedAmount";
	public static final String REVISED_PURPOSE = "revisedPurpose";

	// open data
	public static final String DATASET_TITLE = "datasetTitle";
	public static final String DATASET_OWNER_DEPARTMENT = "datasetOwnerDepartment";
	public static final String DATASET_OUTCOME = "datasetOutcome";
	public static final String DATASET_LICENCE = "datasetLicence";
	public static final String DATASET_FORMAT = "datasetFormat";
	public static final String DATASET_URL = "datasetUrl";
	public static final String DATASET_REASON = "datasetReason";
	public static final String DATASET_PURPOSE = "datasetPurpose";
	public static final String DATASET_ASSESSMENT = "datasetAssessment";
	public static final String OPENING_CONDITIONS = "openingConditions";
	public static final String CONTAINS_PERSONAL_DATA = "containsPersonalData";
	public static final String CONTAINS_LOCATION_DATA = "containsLocationData";
	public static final String COMMERCIALLY_SENSITIVE = "commerciallySensitive";
	public static final String ALREADY_PUBLIC = "alreadyPublic";
	public static final String CLASSIFICATION = "classification";
	public static final String PRIVACY_REVIEW_REQUIRED = "privacyReviewRequired";
	public static final String ANONYMISATION_REQUIRED = "anonymisationRequired";
	public static final String PRIVACY_DECISION = "privacyDecision";
	public static final String ANONYMISATION_INSTRUCTIONS = "anonymisationInstructions";
	public static final String ANONYMISATION_CONFIRMED = "anonymisationConfirmed";
	public static final String CATALOGUE_TITLE = "catalogueTitle";
	public static final String CATALOGUE_DESCRIPTION = "catalogueDescription";
	public static final String UPDATE_FREQUENCY = "updateFrequency";
	public static final String DATASET_KEYWORDS = "datasetKeywords";
	public static final String CONTACT_POINT = "contactPoint";
	public static final String CATALOGUE_ID = "catalogueId";
	public static final String OPEN_DATA_THRESHOLD_MET = "openDataThresholdMet";
	public static final String PUBLISHED_DATASET_COUNT = "publishedDatasetCount";
	public static final String PUBLISHING_DEPARTMENT_COUNT = "publishingDepartmentCount";
	public static final String REQUIRED_DATASET_COUNT = "requiredDatasetCount";
	public static final String REQUIRED_DEPARTMENT_COUNT = "requiredDepartmentCount";
	public static final String WAIVER_DECISION = "waiverDecision";
	public static final String WAIVER_REASON = "waiverReason";

	// pilot and approvals
	public static final String ADOPTION_RECOMMENDATION = "adoptionRecommendation";
	public static final String IMPLEMENTING_DEPARTMENTS = "implementingDepartments";
	public static final String APPROVER_GROUP = "approverGroup";
	public static final String APPROVAL_DECISION = "approvalDecision";
	public static final String APPROVAL_REASON = "approvalReason";
	public static final String APPROVAL_ROUND = "approvalRound";
	public static final String APPROVAL_OUTCOME = "approvalOutcome";
	public static final String APPROVAL_FEEDBACK = "approvalFeedback";

	// council, directives, launch, follow-up
	public static final String COUNCIL_DECISION = "councilDecision";
	public static final String ACT_NUMBER = "actNumber";
	public static final String ACT_DATE = "actDate";
	public static final String COUNCIL_REASON = "councilReason";
	public static final String COUNCIL_SESSION_ID = "councilSessionId";
	public static final String COUNCIL_SESSION_LABEL = "councilSessionLabel";
	public static final String SESSION_OPTIONS = "sessionOptions";
	public static final String SEATS = "seats";
	public static final String AGENDA_ITEM_ID = "agendaItemId";
	public static final String DRAFT_ACT_TEXT = "draftActText";
	public static final String COMMITTEE = "committee";
	public static final String COMMITTEE_OPINION = "committeeOpinion";
	public static final String AMENDMENTS = "amendments";
	public static final String VOTES_FOR = "votesFor";
	public static final String VOTES_AGAINST = "votesAgainst";
	public static final String VOTES_ABSTAIN = "votesAbstain";
	public static final String COUNCIL_VOTE = "councilVote";
	public static final String DEFERRED_TO_SESSION_ID = "deferredToSessionId";
	public static final String DEFERRALS = "deferrals";
	public static final String DEFERRED_ITEM_DECISION = "deferredItemDecision";
	public static final String DIRECTIVE_REFERENCE = "directiveReference";
	public static final String RESPONSIBLE_DEPARTMENTS = "responsibleDepartments";
	public static final String DIRECTIVE_EFFECTIVE_DATE = "directiveEffectiveDate";
	public static final String AMENDED_PROCEDURE = "amendedProcedure";
	public static final String ANNOUNCEMENT_TYPE = "announcementType";
	public static final String ANNOUNCEMENT_DATE = "announcementDate";
	public static final String ANNOUNCEMENT_LINK = "announcementLink";
	public static final String SERVICE_PUBLIC_URL = "servicePublicUrl";
	public static final String SERVICE_START_DATE = "serviceStartDate";
	public static final String SUSTAINABILITY_DECISION = "sustainabilityDecision";
	public static final String SUSTAINABILITY_NOTES = "sustainabilityNotes";

	private ProcessVariables() {
	}

}
