package city.ideatoservice.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.organisation.Departments;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The process as open data: the ideas on the public board (reference, title, theme,
 * reach, statuses with their days and public reasons, act numbers, datasets) and the
 * decisions taken on them (stage, outcome, day, the deciding group, never the person), as
 * JSON and CSV. Made once a day by a scheduled job and kept for the day; a request on a
 * new day before the job ran makes it then. Only what the idea's public page shows: no
 * citizen, no partner contact, no internal reason or comment.
 */
@Component
public class ProcessExport {

	private static final Logger log = LoggerFactory.getLogger(ProcessExport.class);

	/** The stages of the path as the decisions name them. */
	enum Stage {

		SCREENING, FUNDING, APPROVAL, COUNCIL_VOTE, MAYORAL_DECREE

	}

	record StatusEntry(String status, LocalDate date, String publicReason) {
	}

	record DatasetEntry(String catalogueId, String title, String department) {
	}

	record IdeaEntry(String reference, String title, String theme, String reach, String status, LocalDate submittedOn,
			List<StatusEntry> statuses, List<String> acts, List<DatasetEntry> datasets) {
	}

	record Decision(String reference, Stage stage, String outcome, LocalDate date, String decidingGroup) {
	}

	/** One day's export, every format made from the same rows. */
	public record Export(LocalDate day, Instant madeAt, byte[] json, byte[] ideasCsv, byte[] statusesCsv,
			byte[] decisionsCsv) {
	}

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Departments departments;

	private final Clock clock;

	private volatile Export current;

	ProcessExport(JdbcClient jdbc, ObjectMapper json, Departments departments, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.departments = departments;
		this.clock = clock;
	}

	/** Today's export: made now if the day's job has not run yet. */
	public Export current() {
		Export export = current;
		LocalDate today = LocalDate.now(clock);
		if (export == null || !export.day().equals(today)) {
			synchronized (this) {
				export = current;
				if (export == null || !export.day().equals(today)) {
					export = make();
				}
			}
		}
		return export;
	}

	/** The daily job: a fresh export for the new day. */
	@Scheduled(cron = "${idea-to-service.process-export.cron:0 5 0 * * *}")
	public synchronized Export make() {
		List<IdeaEntry> ideas = ideas();
		List<Decision> decisions = decisions();
		Map<String, Object> document = new LinkedHashMap<>();
		LocalDate day = LocalDate.now(clock);
		document.put("day", day);
		document.put("licence", "https://creativecommons.org/licenses/by/4.0/");
		document.put("ideas", ideas);
		document.put("decisions", decisions);
		byte[] jsonBytes;
		try {
			jsonBytes = json.writeValueAsBytes(document);
		}
		catch (JsonProcessingException unwritable) {
			throw new IllegalStateException("The process export could not be written as JSON", unwritable);
		}
		Csv ideasCsv = new Csv("reference", "title", "theme", "reach", "status", "submitted_on", "acts", "datasets");
		Csv statusesCsv = new Csv("reference", "status", "date", "public_reason");
		for (IdeaEntry idea : ideas) {
			ideasCsv.row(idea.reference(), idea.title(), idea.theme(), idea.reach(), idea.status(), idea.submittedOn(),
					String.join(" ", idea.acts()),
					String.join(" ", idea.datasets().stream().map(DatasetEntry::catalogueId).toList()));
			for (StatusEntry status : idea.statuses()) {
				statusesCsv.row(idea.reference(), status.status(), status.date(), status.publicReason());
			}
		}
		Csv decisionsCsv = new Csv("reference", "stage", "outcome", "date", "deciding_group");
		decisions.forEach(d -> decisionsCsv.row(d.reference(), d.stage(), d.outcome(), d.date(), d.decidingGroup()));
		Export export = new Export(day, clock.instant(), jsonBytes, bytes(ideasCsv), bytes(statusesCsv),
				bytes(decisionsCsv));
		current = export;
		log.info("Process export of {} made: {} ideas, {} decisions", day, ideas.size(), decisions.size());
		return export;
	}

	private static byte[] bytes(Csv csv) {
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The ideas of the public board: their authors agreed, and they passed screening. */
	private static final String LISTED = " from idea i where i.public_board = true and exists (select 1 from"
			+ " idea_status_change c where c.idea_id = i.id and c.status = 'CO_DESIGN')";

	private List<IdeaEntry> ideas() {
		record Row(long id, String reference, String title, String theme, String reach, String status,
				Instant createdAt) {
		}
		List<Row> rows = jdbc
			.sql("select i.id, i.reference, i.title, i.theme, i.reach, i.status, i.created_at" + LISTED
					+ " order by i.id")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
		List<IdeaEntry> ideas = new ArrayList<>();
		for (Row row : rows) {
			List<StatusEntry> statuses = jdbc
				.sql("select status, changed_at, public_reason from idea_status_change where idea_id = :idea"
						+ " order by changed_at, id")
				.param("idea", row.id())
				.query((rs, n) -> new StatusEntry(rs.getString(1), day(rs.getTimestamp(2).toInstant()),
						rs.getString(3)))
				.list();
			List<String> acts = jdbc
				.sql("select act_number from official_act where idea_reference = :reference"
						+ " order by act_year, act_sequence")
				.param("reference", row.reference())
				.query(String.class)
				.list();
			List<DatasetEntry> datasets = jdbc
				.sql("select distinct p.catalogue_id, p.title, p.publisher_department, p.issued_at"
						+ " from published_dataset p where p.idea_reference = :reference or p.catalogue_id in"
						+ " (select r.catalogue_id from dataset_request r where r.idea_id = :idea"
						+ " and r.outcome = 'PUBLISHED') order by p.issued_at, p.catalogue_id")
				.param("reference", row.reference())
				.param("idea", row.id())
				.query((rs, n) -> new DatasetEntry(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list();
			ideas.add(new IdeaEntry(row.reference(), row.title(), row.theme(), row.reach(), row.status(),
					day(row.createdAt()), statuses, acts, datasets));
		}
		return ideas;
	}

	private List<Decision> decisions() {
		List<Decision> decisions = new ArrayList<>();
		// screening: the innovation office accepts (co-design), rejects or merges
		jdbc.sql("select i.reference, c.status, min(c.changed_at) from idea_status_change c join idea i on"
				+ " i.id = c.idea_id where c.status in ('CO_DESIGN', 'REJECTED', 'MERGED') and i.id in (select i.id"
				+ LISTED + ") group by i.reference, c.status")
			.query((rs,
					n) -> decisions.add(new Decision(rs.getString(1), Stage.SCREENING,
							"CO_DESIGN".equals(rs.getString(2)) ? "ACCEPTED" : rs.getString(2),
							day(rs.getTimestamp(3).toInstant()), "innovation-office")))
			.list();
		jdbc.sql("select f.idea_reference, f.approver_role, f.decision, f.decided_at, r.department"
				+ " from funding_decision f left join funding_reservation r on r.idea_reference = f.idea_reference"
				+ " and r.funding_round = f.funding_round where f.idea_reference in (select i.reference" + LISTED + ")")
			.query((rs,
					n) -> decisions.add(new Decision(rs.getString(1), Stage.FUNDING, rs.getString(3),
							day(rs.getTimestamp(4).toInstant()), fundingGroup(rs.getString(2), rs.getString(5)))))
			.list();
		jdbc.sql("select i.reference, a.approver_group, a.decision, a.decided_at from approval_decision a"
				+ " join idea i on i.id = a.idea_id where i.id in (select i.id" + LISTED + ")")
			.query((rs,
					n) -> decisions.add(new Decision(rs.getString(1), Stage.APPROVAL, rs.getString(3),
							day(rs.getTimestamp(4).toInstant()), rs.getString(2))))
			.list();
		jdbc.sql("select a.idea_reference, a.decision, s.session_date, s.body from agenda_item a join council_session s"
				+ " on s.id = a.session_id where a.decision is not null and a.decision <> 'WITHDRAWN'"
				+ " and a.idea_reference in (select i.reference" + LISTED + ")")
			.query((rs,
					n) -> decisions.add(new Decision(rs.getString(1), Stage.COUNCIL_VOTE, rs.getString(2),
							rs.getDate(3).toLocalDate(), councilBody(rs.getString(4)))))
			.list();
		jdbc.sql("select idea_reference, adopted_on from official_act where act_kind = 'MAYORAL_DECREE'"
				+ " and idea_reference in (select i.reference" + LISTED + ")")
			.query((rs,
					n) -> decisions.add(new Decision(rs.getString(1), Stage.MAYORAL_DECREE, PublicStatus.ADOPTED.name(),
							rs.getDate(2).toLocalDate(), "mayors-office")))
			.list();
		decisions.sort(java.util.Comparator.comparing(Decision::date)
			.thenComparing(Decision::reference)
			.thenComparing(Decision::stage));
		return decisions;
	}

	/**
	 * The group an approver of the funding decided for: department heads by their
	 * department.
	 */
	private String fundingGroup(String role, String department) {
		if ("department-head".equals(role)) {
			return department == null ? "heads of the sponsor department" : departments.headsOf(department);
		}
		return role;
	}

	private static String councilBody(String body) {
		return "COUNCIL".equals(body) ? "city-council" : body.toLowerCase(java.util.Locale.ROOT);
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(ZoneId.systemDefault()).toLocalDate();
	}

}
