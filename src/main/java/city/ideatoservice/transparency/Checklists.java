package city.ideatoservice.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.launch.LaunchVariables;
import city.ideatoservice.opendata.OpenDataProperties;
import city.ideatoservice.organisation.Departments;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The guidebook's checklists, item by item, as an idea meets them: a tick with the day
 * and the evidence (datasets in the catalogue, acts and directives in the register,
 * sections of the idea's public page), or a gap. Summed up for the city on the figures
 * page.
 */
@Component
public class Checklists {

	/** The checklist items an idea can meet, each with the seed's own words. */
	public enum Item {

		/** Guidebook ch. 3, "Checklist for Co-designing Solutions". */
		DATASETS("Opened up at least five datasets from different departments to support the co-design process?",
				"Checklist for Co-designing Solutions"),
		/** Guidebook ch. 3, "Checklist for Co-designing Solutions". */
		DEPARTMENTS("Identified the appropriate administrative departments to involve in service implementation?",
				"Checklist for Co-designing Solutions"),
		/** Guidebook ch. 3, "Checklist for Co-designing Solutions". */
		DIRECTIVES("Issued the necessary directives to incorporate the new service in the city's standard procedures?",
				"Checklist for Co-designing Solutions"),
		/** Guidebook ch. 3, "Checklist for Co-designing Solutions". */
		COMMITMENT("Held a press conference with your innovation partnership to show results and commit to follow up?",
				"Checklist for Co-designing Solutions"),
		/**
		 * Guidebook ch. 3, 5. Go Official (the chapter's text; its checklist has no
		 * partner item).
		 */
		PARTNERS("maintaining the multi-stakeholder partnership and consolidating the capital of trust and engagement",
				"Co-designing Solutions, 5. Go Official"),
		/** Guidebook ch. 3, 3. Follow Up on Creativity (the chapter's text). */
		FOLLOW_UP("follow-up is key to ensuring that the full benefits are actually reaped",
				"Co-designing Solutions, 3. Follow Up on Creativity");

		private final String seedWording;

		private final String seedSource;

		Item(String seedWording, String seedSource) {
			this.seedWording = seedWording;
			this.seedSource = seedSource;
		}

		public String seedWording() {
			return seedWording;
		}

		public String seedSource() {
			return seedSource;
		}

	}

	/** A link to what shows that an item was met: a path of the portal and its label. */
	public record Evidence(String label, String href) {
	}

	/**
	 * An item of an idea's checklist: met or not, since when, the evidence, and how far
	 * the idea got ({@code have} of {@code need}, for the datasets).
	 */
	public record Entry(Item item, boolean met, LocalDate on, List<Evidence> evidence, int have, int need,
			int departments, int needDepartments) {

		public String key() {
			return item.name();
		}

	}

	/** How many ideas met an item, of the ideas that passed screening. */
	public record CitySummary(Item item, long met, long ideas) {
	}

	private final JdbcClient jdbc;

	private final HistoryService history;

	private final OpenDataProperties openData;

	private final Departments departments;

	Checklists(JdbcClient jdbc, HistoryService history, OpenDataProperties openData, Departments departments) {
		this.jdbc = jdbc;
		this.history = history;
		this.openData = openData;
		this.departments = departments;
	}

	/** The checklist of one idea (by reference), every item in the seeds' order. */
	public List<Entry> of(String reference) {
		Long ideaId = jdbc.sql("select id from idea where reference = :reference")
			.param("reference", reference)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (ideaId == null) {
			return List.of();
		}
		String page = "/ideas/" + reference;
		return List.of(datasets(ideaId), departments(ideaId, reference, page), directives(reference),
				commitment(ideaId, page), partners(ideaId, page), followUp(reference, page));
	}

	private record Opened(String catalogueId, String title, String department, Instant on) {
	}

	private Entry datasets(Long ideaId) {
		List<Opened> opened = jdbc
			.sql("select r.catalogue_id, coalesce(p.title, r.title) as title, r.owner_department, r.decided_at"
					+ " from dataset_request r left join published_dataset p on p.catalogue_id = r.catalogue_id"
					+ " where r.idea_id = :idea and r.outcome = 'PUBLISHED' order by r.decided_at, r.id")
			.param("idea", ideaId)
			.query((rs, row) -> new Opened(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
		Set<String> ids = new LinkedHashSet<>();
		Set<String> owners = new LinkedHashSet<>();
		List<Evidence> evidence = new ArrayList<>();
		LocalDate metOn = null;
		for (Opened dataset : opened) {
			if (dataset.catalogueId() == null || !ids.add(dataset.catalogueId())) {
				continue;
			}
			owners.add(dataset.department());
			evidence.add(new Evidence(dataset.title(), "/datasets#" + dataset.catalogueId()));
			if (metOn == null && ids.size() >= openData.minDatasets() && owners.size() >= openData.minDepartments()) {
				metOn = day(dataset.on());
			}
		}
		return new Entry(Item.DATASETS, metOn != null, metOn, evidence, ids.size(), openData.minDatasets(),
				owners.size(), openData.minDepartments());
	}

	private Entry departments(Long ideaId, String reference, String page) {
		Set<String> groups = departments.groupIds();
		Map<String, Instant> named = new LinkedHashMap<>();
		jdbc.sql("select approver_group, min(decided_at) from approval_decision where idea_id = :idea"
				+ " group by approver_group order by min(decided_at), approver_group")
			.param("idea", ideaId)
			.query((rs, row) -> named.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		named.keySet().retainAll(groups);
		if (!named.isEmpty()) {
			return met(Item.DEPARTMENTS, day(named.values().stream().min(Comparator.naturalOrder()).orElseThrow()),
					List.of(new Evidence(String.join(",", named.keySet()), page + "#approvals")));
		}
		// adopted before approvals named them: the directive does
		return jdbc.sql(
				"select act_number, directive_departments, adopted_on from official_act where idea_reference = :reference"
						+ " and directive_departments is not null order by act_year, act_sequence")
			.param("reference", reference)
			.query((rs, row) -> met(Item.DEPARTMENTS, rs.getDate(3).toLocalDate(),
					List.of(new Evidence(rs.getString(2), registerLink(rs.getString(1))))))
			.list()
			.stream()
			.findFirst()
			.orElse(gap(Item.DEPARTMENTS));
	}

	private Entry directives(String reference) {
		return jdbc
			.sql("select act_number, directive_reference, directive_effective_date from official_act"
					+ " where idea_reference = :reference and directive_reference is not null"
					+ " order by act_year, act_sequence")
			.param("reference", reference)
			.query((rs, row) -> met(Item.DIRECTIVES, rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
					List.of(new Evidence(rs.getString(2), registerLink(rs.getString(1))))))
			.list()
			.stream()
			.findFirst()
			.orElse(gap(Item.DIRECTIVES));
	}

	private Entry commitment(Long ideaId, String page) {
		return jdbc
			.sql("select moment, commitment_date from public_commitment where idea_id = :idea"
					+ " order by commitment_date, id")
			.param("idea", ideaId)
			.query((rs, row) -> met(Item.COMMITMENT, rs.getDate(2).toLocalDate(),
					List.of(new Evidence(rs.getString(1), page + "#commitment"))))
			.list()
			.stream()
			.findFirst()
			.orElse(gap(Item.COMMITMENT));
	}

	private Entry partners(Long ideaId, String page) {
		Instant first = jdbc.sql("select joined_at from partner where idea_id = :idea order by joined_at, id")
			.param("idea", ideaId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (first == null) {
			return gap(Item.PARTNERS);
		}
		long listed = jdbc
			.sql("select count(*) from partner where idea_id = :idea and public_listing = true and left_at is null")
			.param("idea", ideaId)
			.query(Long.class)
			.single();
		return met(Item.PARTNERS, day(first),
				listed == 0 ? List.of() : List.of(new Evidence(Long.toString(listed), page + "#partners")));
	}

	private Entry followUp(String reference, String page) {
		String[] instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(reference)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toArray(String[]::new);
		if (instances.length == 0) {
			return gap(Item.FOLLOW_UP);
		}
		return history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances)
			.variableName(LaunchVariables.SUSTAINABILITY_DECISION)
			.list()
			.stream()
			.filter(variable -> variable.getValue() != null)
			.map(HistoricVariableInstance::getCreateTime)
			.min(Comparator.naturalOrder())
			.map(first -> met(Item.FOLLOW_UP, day(first.toInstant()),
					List.of(new Evidence(reference, page + "#timeline"))))
			.orElse(gap(Item.FOLLOW_UP));
	}

	/**
	 * Per item, how many of the ideas that passed screening met it (of the given
	 * references, or of all when null).
	 */
	List<CitySummary> citySummary(Collection<String> references) {
		List<String> considered = jdbc.sql(
				"select i.reference from idea i where exists (select 1 from idea_status_change c where c.idea_id = i.id"
						+ " and c.status = :codesign)" + (references == null ? "" : " and i.reference in (:scope)")
						+ " order by i.id")
			.param("codesign", PublicStatus.CO_DESIGN.name())
			.params(references == null ? Map.of() : Map.of("scope", references.isEmpty() ? List.of("") : references))
			.query(String.class)
			.list();
		Map<Item, Long> met = new LinkedHashMap<>();
		for (Item item : Item.values()) {
			met.put(item, 0L);
		}
		for (String reference : considered) {
			of(reference).stream().filter(Entry::met).forEach(entry -> met.merge(entry.item(), 1L, Long::sum));
		}
		return met.entrySet()
			.stream()
			.map(entry -> new CitySummary(entry.getKey(), entry.getValue(), considered.size()))
			.toList();
	}

	private static Entry met(Item item, LocalDate on, List<Evidence> evidence) {
		return new Entry(item, true, on, evidence, 0, 0, 0, 0);
	}

	private static Entry gap(Item item) {
		return new Entry(item, false, null, List.of(), 0, 0, 0, 0);
	}

	static String registerLink(String actNumber) {
		return "/register#act-" + actNumber.replace('/', '-');
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(ZoneId.systemDefault()).toLocalDate();
	}

}
