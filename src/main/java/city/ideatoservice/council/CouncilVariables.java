package city.ideatoservice.council;

/**
 * Names of the process variables of council adoption, acts and directives: the models and
 * forms use the same names.
 */
public final class CouncilVariables {

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

	public static final String ADOPTION_ROUTE = "adoptionRoute";

	public static final String DECREE_TEXT = "decreeText";

	private CouncilVariables() {
	}

}
