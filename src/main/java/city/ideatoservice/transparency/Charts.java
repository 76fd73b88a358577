package city.ideatoservice.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the figures page's bar charts, drawn as SVG by the page: one row per
 * category, a label on the left, the bar, its number after it.
 */
public final class Charts {

	/** Where the bars start and how long the longest is, in the SVG's units. */
	static final int BAR_START = 190;

	static final int BAR_LENGTH = 150;

	static final int ROW = 24;

	/**
	 * A row: the category (and year), the value, a second value drawn lighter behind it
	 * (the 90th percentile behind the median), their lengths and the row's top.
	 */
	public record Bar(String key, Integer year, Number value, Number second, double length, double secondLength,
			int y) {

		public int textY() {
			return y + 16;
		}

		public int barX() {
			return BAR_START;
		}

		public double valueX() {
			return BAR_START + Math.max(length, secondLength) + 4;
		}

	}

	public record Chart(List<Bar> bars) {

		public int height() {
			return Math.max(bars.size(), 1) * ROW;
		}

	}

	private Charts() {
	}

	public static Chart counts(List<Figures.Count> counts) {
		return chart(counts.stream().map(c -> new Value(c.key(), null, c.count(), null)).toList());
	}

	public static Chart datasets(List<Figures.DepartmentCount> datasets) {
		return chart(datasets.stream().map(d -> new Value(d.department(), null, d.datasets(), null)).toList());
	}

	public static Chart funding(List<Figures.Granted> granted) {
		return chart(granted.stream().map(g -> new Value(g.department(), g.year(), g.grantedCents(), null)).toList());
	}

	public static Chart days(List<Figures.StageDays> stages) {
		return chart(stages.stream()
			.map(s -> new Value(s.stage().name(), null, s.medianDays() == null ? 0 : s.medianDays(), s.p90Days()))
			.toList());
	}

	public static Chart checklist(List<Checklists.CitySummary> items) {
		return chart(items.stream().map(i -> new Value(i.item().name(), null, i.met(), i.ideas())).toList());
	}

	private record Value(String key, Integer year, Number value, Number second) {
	}

	private static Chart chart(List<Value> values) {
		double max = values.stream()
			.mapToDouble(v -> Math.max(v.value().doubleValue(), v.second() == null ? 0 : v.second().doubleValue()))
			.max()
			.orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Value v = values.get(i);
			bars.add(new Bar(v.key(), v.year(), v.value(), v.second(), length(v.value(), max),
					v.second() == null ? 0 : length(v.second(), max), i * ROW));
		}
		return new Chart(bars);
	}

	private static double length(Number value, double max) {
		return max <= 0 ? 0 : Math.round(value.doubleValue() / max * BAR_LENGTH * 10) / 10.0;
	}

}
