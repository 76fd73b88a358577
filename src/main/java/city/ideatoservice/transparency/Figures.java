package city.ideatoservice.transparency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The city's record in numbers, from the application's own tables and the status history:
 * only counts, sums and durations, never a name, a text of an idea that its author kept
 * off the board, or who decided.
 */
@Component
public class Figures {

	/**
	 * The stages of the path whose length is measured: each ends with the next status.
	 */
	static final List<PublicStatus> STAGES = List.of(PublicStatus.SUBMITTED, PublicStatus.IN_REVIEW,
			PublicStatus.CO_DESIGN, PublicStatus.PROTOTYPING, PublicStatus.PILOT, PublicStatus.APPROVALS,
			PublicStatus.COUNCIL, PublicStatus.ADOPTED);

	private final JdbcClient jdbc;

	private final Checklists checklists;

	private final ObjectProvider<ChallengeFigures> challenges;

	private final Clock clock;

	Figures(JdbcClient jdbc, Checklists checklists, ObjectProvider<ChallengeFigures> challenges, Clock clock) {
		this.jdbc = jdbc;
		this.checklists = checklists;
		this.challenges = challenges;
		this.clock = clock;
	}

	public record Count(String key, long count) {
	}

	public record StageDays(PublicStatus stage, int ideas, BigDecimal medianDays, BigDecimal p90Days) {
	}

	public record DepartmentCount(String department, long datasets) {
	}

	public record Granted(String department, int year, long grantedCents) {
	}

	/**
	 * Everything the figures page shows; {@code challenges} come through
	 * {@link ChallengeFigures} (empty for a fixture's own figures).
	 */
	public record CityFigures(LocalDate asOf, long ideas, List<Count> ideasByStatus, List<Count> ideasByTheme,
			List<Count> ideasByReach, List<StageDays> daysPerStage, List<DepartmentCount> datasetsByDepartment,
			long reachedLive, long reachedRetired, List<Granted> fundingGranted, List<Checklists.CitySummary> checklist,
			Optional<ChallengeFigures.Summary> challenges) {
	}

	/**
	 * How long the city's figures are kept: a public page without login should not
	 * recount on every request.
	 */
	static final Duration KEPT = Duration.ofMinutes(5);

	private volatile CityFigures kept;

	private volatile Instant keptAt = Instant.MIN;

	/** The figures of every idea in the city, counted at most every five minutes. */
	public CityFigures city() {
		Instant now = clock.instant();
		if (kept == null || keptAt.plus(KEPT).isBefore(now)) {
			kept = of(null);
			keptAt = now;
		}
		return kept;
	}

	/**
	 * The figures of the given ideas (references), or of all when null: the same
	 * computation, so that a test can count a fixture of its own in a shared database.
	 */
	CityFigures of(Collection<String> references) {
		Scope scope = new Scope(references);
		List<Count> byStatus = counts("status", PublicStatus.values(), scope);
		List<Count> byTheme = counts("theme", Theme.values(), scope);
		List<Count> byReach = counts("reach", Reach.values(), scope);
		long total = byStatus.stream().mapToLong(Count::count).sum();
		return new CityFigures(LocalDate.now(clock), total, byStatus, byTheme, byReach, daysPerStage(scope),
				datasetsByDepartment(scope), reached(PublicStatus.LIVE, scope), reached(PublicStatus.RETIRED, scope),
				fundingGranted(scope), checklists.citySummary(references),
				references == null ? Optional.ofNullable(challenges.getIfAvailable()).map(ChallengeFigures::summary)
						: Optional.empty());
	}

	private List<Count> counts(String column, Enum<?>[] values, Scope scope) {
		Map<String, Long> found = new HashMap<>();
		jdbc.sql("select i." + column + " as k, count(*) as n from idea i where " + scope.where("i.reference")
				+ " group by i." + column)
			.params(scope.parameters())
			.query((rs, row) -> found.put(rs.getString("k"), rs.getLong("n")))
			.list();
		List<Count> counts = new ArrayList<>();
		for (Enum<?> value : values) {
			counts.add(new Count(value.name(), found.getOrDefault(value.name(), 0L)));
		}
		return counts;
	}

	private record Change(String reference, PublicStatus status, Instant at) {
	}

	private List<StageDays> daysPerStage(Scope scope) {
		List<Change> changes = jdbc
			.sql("select i.reference, c.status, c.changed_at from idea_status_change c join idea i on i.id = c.idea_id"
					+ " where " + scope.where("i.reference") + " order by c.idea_id, c.changed_at, c.id")
			.params(scope.parameters())
			.query((rs, row) -> new Change(rs.getString("reference"), PublicStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
		Map<PublicStatus, List<Duration>> durations = new EnumMap<>(PublicStatus.class);
		Change open = null;
		for (Change change : changes) {
			if (open != null && open.reference().equals(change.reference())) {
				if (open.status() == change.status()) {
					continue; // a public note, not a new stage
				}
				durations.computeIfAbsent(open.status(), s -> new ArrayList<>())
					.add(Duration.between(open.at(), change.at()));
			}
			open = change;
		}
		List<StageDays> days = new ArrayList<>();
		for (PublicStatus stage : STAGES) {
			List<Double> values = durations.getOrDefault(stage, List.of())
				.stream()
				.map(d -> d.toSeconds() / 86_400.0)
				.sorted()
				.toList();
			days.add(new StageDays(stage, values.size(), oneDecimal(median(values)),
					oneDecimal(percentile(values, 90))));
		}
		return days;
	}

	/** The middle value, or the mean of the two middle ones; null for none. */
	static Double median(List<Double> sorted) {
		int n = sorted.size();
		if (n == 0) {
			return null;
		}
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/**
	 * The nearest-rank percentile: the smallest value with at least p percent of the
	 * values at or below it; null for none.
	 */
	static Double percentile(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	private static BigDecimal oneDecimal(Double days) {
		return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
	}

	private List<DepartmentCount> datasetsByDepartment(Scope scope) {
		return jdbc
			.sql("select publisher_department, count(*) as n from published_dataset where "
					+ scope.where("idea_reference") + " group by publisher_department order by publisher_department")
			.params(scope.parameters())
			.query((rs, row) -> new DepartmentCount(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private long reached(PublicStatus status, Scope scope) {
		return jdbc
			.sql("select count(distinct c.idea_id) from idea_status_change c join idea i on i.id = c.idea_id"
					+ " where c.status = :reached and " + scope.where("i.reference"))
			.params(scope.parameters())
			.param("reached", status.name())
			.query(Long.class)
			.single();
	}

	private List<Granted> fundingGranted(Scope scope) {
		return jdbc
			.sql("select department, budget_year, sum(amount_cents) from funding_reservation where "
					+ scope.where("idea_reference")
					+ " group by department, budget_year having sum(amount_cents) > 0 order by budget_year, department")
			.params(scope.parameters())
			.query((rs, row) -> new Granted(rs.getString(1), rs.getInt(2), rs.getLong(3)))
			.list();
	}

	/** All ideas, or those of a list of references. */
	private record Scope(Collection<String> references) {

		String where(String column) {
			return references == null ? "1 = 1" : column + " in (:scope)";
		}

		Map<String, Object> parameters() {
			Map<String, Object> parameters = new LinkedHashMap<>();
			if (references != null) {
				parameters.put("scope", references.isEmpty() ? List.of("") : references);
			}
			return parameters;
		}

	}

}
