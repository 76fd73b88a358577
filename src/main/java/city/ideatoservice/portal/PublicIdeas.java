package city.ideatoservice.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import city.ideatoservice.approval.ApprovalDecision;
import city.ideatoservice.approval.ApprovalDecisionRepository;
import city.ideatoservice.codesign.CodesignVariables;
import city.ideatoservice.council.OfficialAct;
import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.funding.FundingVariables;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaVariables;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.launch.LaunchVariables;
import city.ideatoservice.opendata.PublishedDataset;
import city.ideatoservice.opendata.PublishedDatasetRepository;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the public may see of ideas: the board of ideas whose authors agreed and that
 * passed screening, an idea's public page, and the services that went live. Never a name,
 * an e-mail, an internal comment or who in the city decided.
 */
@Component
class PublicIdeas {

	/**
	 * An idea that reached one of these has passed screening; a later status (withdrawn,
	 * not adopted) keeps it on the board with its history.
	 */
	static final Set<PublicStatus> PASSED_SCREENING = EnumSet.range(PublicStatus.CO_DESIGN, PublicStatus.LIVE);

	/** The statuses an idea on the board may have: the board's status filter. */
	static final List<PublicStatus> BOARD_STATUSES = java.util.Arrays.stream(PublicStatus.values())
		.filter(status -> status.ordinal() >= PublicStatus.CO_DESIGN.ordinal() && status != PublicStatus.REJECTED
				&& status != PublicStatus.MERGED)
		.toList();

	static final int PAGE_SIZE = 10;

	private static final String LISTED = " from idea i where i.public_board = true and exists (select 1 from"
			+ " idea_status_change c where c.idea_id = i.id and c.status in (:passed))";

	private final JdbcClient jdbc;

	private final IdeaService ideas;

	private final OfficialActRepository acts;

	private final PublishedDatasetRepository datasets;

	private final ApprovalDecisionRepository approvals;

	private final HistoryService history;

	PublicIdeas(JdbcClient jdbc, IdeaService ideas, OfficialActRepository acts, PublishedDatasetRepository datasets,
			ApprovalDecisionRepository approvals, HistoryService history) {
		this.jdbc = jdbc;
		this.ideas = ideas;
		this.acts = acts;
		this.datasets = datasets;
		this.approvals = approvals;
		this.history = history;
	}

	/** The board's filters; null for "any". */
	record Filter(PublicStatus status, Theme theme, Reach reach, String search) {
	}

	record BoardEntry(String reference, String title, Theme theme, Reach reach, String place, PublicStatus status,
			LocalDate submittedOn) {
	}

	record BoardPage(List<BoardEntry> entries, int page, int pages, long total) {

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < pages;
		}

	}

	BoardPage board(Filter filter, int page) {
		StringBuilder where = new StringBuilder(LISTED);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("passed", PASSED_SCREENING.stream().map(Enum::name).toList());
		if (filter.status() != null) {
			where.append(" and i.status = :status");
			parameters.put("status", filter.status().name());
		}
		if (filter.theme() != null) {
			where.append(" and i.theme = :theme");
			parameters.put("theme", filter.theme().name());
		}
		if (filter.reach() != null) {
			where.append(" and i.reach = :reach");
			parameters.put("reach", filter.reach().name());
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			where.append(" and lower(i.title) like :search escape '\\'");
			parameters.put("search",
					"%" + likeEscaped(filter.search().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		long total = jdbc.sql("select count(*)" + where).params(parameters).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 0), pages - 1);
		parameters.put("limit", PAGE_SIZE);
		parameters.put("offset", shown * PAGE_SIZE);
		List<BoardEntry> entries = jdbc
			.sql("select i.reference, i.title, i.theme, i.reach, i.place, i.status, i.created_at" + where
					+ " order by i.created_at desc, i.id desc limit :limit offset :offset")
			.params(parameters)
			.query((rs, row) -> new BoardEntry(rs.getString("reference"), rs.getString("title"),
					Theme.valueOf(rs.getString("theme")), Reach.valueOf(rs.getString("reach")), rs.getString("place"),
					PublicStatus.valueOf(rs.getString("status")), day(rs.getTimestamp("created_at").toInstant())))
			.list();
		return new BoardPage(entries, shown, pages, total);
	}

	boolean isListed(Idea idea) {
		return idea.publicBoard() && ideas.history(idea).stream().anyMatch(c -> PASSED_SCREENING.contains(c.status()));
	}

	record TimelineEntry(PublicStatus status, String reason, LocalDate on) {
	}

	record Approval(String group, String decision, LocalDate on) {
	}

	/** The public facts of an idea, each empty or null until the idea got there. */
	record PublicIdea(Idea idea, List<TimelineEntry> timeline, String codesignOutcome, String objectives,
			String sponsorDepartment, String fundingOutcome, Long grantedCents, List<PublishedDataset> datasets,
			List<Approval> approvals, OfficialAct act, String serviceUrl, LocalDate serviceStart) {
	}

	Optional<PublicIdea> publicIdea(String reference) {
		return ideas.findByReference(reference).filter(this::isListed).map(this::facts);
	}

	List<TimelineEntry> timeline(Idea idea) {
		return ideas.history(idea)
			.stream()
			.map(change -> new TimelineEntry(change.status(), change.publicReason(), day(change.changedAt())))
			.toList();
	}

	private PublicIdea facts(Idea idea) {
		Map<String, Object> variables = processFacts(idea.reference());
		Long granted = variables.get(FundingVariables.APPROVED_AMOUNT_CENTS) instanceof Number cents ? cents.longValue()
				: null;
		return new PublicIdea(idea, timeline(idea), text(variables.get(CodesignVariables.CODESIGN_OUTCOME)),
				text(variables.get(CodesignVariables.OBJECTIVES)),
				text(variables.get(IdeaVariables.SPONSOR_DEPARTMENT)),
				text(variables.get(FundingVariables.FUNDING_OUTCOME)), granted,
				datasets.findByIdeaReferenceOrderByIssuedAtAsc(idea.reference()),
				lastRound(approvals.findByIdeaIdOrderByApprovalRoundAscApproverGroupAsc(idea.id())),
				acts.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(idea.reference()).orElse(null),
				link(variables.get(LaunchVariables.SERVICE_PUBLIC_URL)),
				date(variables.get(LaunchVariables.SERVICE_START_DATE)));
	}

	record Service(String reference, String title, boolean listed, OfficialAct act, String serviceUrl,
			LocalDate serviceStart) {
	}

	/** The ideas that became services, newest first. */
	List<Service> services() {
		List<Service> services = new ArrayList<>();
		for (String reference : jdbc
			.sql("select reference from idea where status = :live order by updated_at desc, id desc")
			.param("live", PublicStatus.LIVE.name())
			.query(String.class)
			.list()) {
			Idea idea = ideas.findByReference(reference).orElseThrow();
			Map<String, Object> variables = processFacts(reference);
			services.add(new Service(reference, idea.title(), isListed(idea),
					acts.findFirstByIdeaReferenceOrderByActYearDescActSequenceDesc(reference).orElse(null),
					link(variables.get(LaunchVariables.SERVICE_PUBLIC_URL)),
					date(variables.get(LaunchVariables.SERVICE_START_DATE))));
		}
		return services;
	}

	private static final List<String> PUBLIC_VARIABLES = List.of(CodesignVariables.CODESIGN_OUTCOME,
			CodesignVariables.OBJECTIVES, IdeaVariables.SPONSOR_DEPARTMENT, FundingVariables.FUNDING_OUTCOME,
			FundingVariables.APPROVED_AMOUNT_CENTS, LaunchVariables.SERVICE_PUBLIC_URL,
			LaunchVariables.SERVICE_START_DATE);

	/**
	 * The few public facts the processes of the idea hold (its own and the ones it called
	 * with its reference as business key), the latest value of each.
	 */
	private Map<String, Object> processFacts(String reference) {
		List<String> instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(reference)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		if (instances.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances.toArray(String[]::new))
			.variableNameIn(PUBLIC_VARIABLES.toArray(String[]::new))
			.disableCustomObjectDeserialization()
			.list()
			.stream()
			.filter(variable -> variable.getValue() != null)
			.sorted(java.util.Comparator.comparing(HistoricVariableInstance::getCreateTime))
			.forEach(variable -> facts.put(variable.getName(), variable.getValue()));
		return facts;
	}

	private static List<Approval> lastRound(List<ApprovalDecision> decisions) {
		int last = decisions.stream().mapToInt(ApprovalDecision::approvalRound).max().orElse(0);
		return decisions.stream()
			.filter(decision -> decision.approvalRound() == last)
			.map(decision -> new Approval(decision.approverGroup(), decision.decision(), day(decision.decidedAt())))
			.collect(Collectors.toList());
	}

	/** A date as the forms keep it (ISO text), or null. */
	private static LocalDate date(Object value) {
		try {
			return value == null ? null
					: LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
		}
		catch (java.time.format.DateTimeParseException unreadable) {
			return null;
		}
	}

	/** A web address a page may link to: http or https only. */
	private static String link(Object value) {
		String url = text(value);
		return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	static LocalDate day(Instant instant) {
		return instant.atZone(ZoneId.systemDefault()).toLocalDate();
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
