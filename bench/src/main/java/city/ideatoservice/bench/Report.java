package city.ideatoservice.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The figures of one run put side by side: ratios against the bare app and the issue's
 * targets, for results.json and as a table.
 */
final class Report {

	static final double LIFECYCLE_TARGET = 1.3;

	static final double SUBMISSIONS_PER_SECOND_TARGET = 200;

	static final double P99_TARGET_MS = 100;

	static final double BARE_SHARE_TARGET = 0.5;

	static final double GROWTH_TARGET = 1.5;

	static final double STARTUP_TARGET = 1.3;

	static final int TARGET_CLIENTS = 32;

	private Report() {
	}

	static Map<String, Object> lifecycle(JsonNode ours, JsonNode bare) {
		Map<String, Object> report = new LinkedHashMap<>();
		double oursMs = ours.path("seconds").asDouble() * 1000 / ours.path("tasks").asDouble();
		double bareMs = bare.path("seconds").asDouble() * 1000 / bare.path("tasks").asDouble();
		double oursCpuMs = ours.path("cpuSeconds").asDouble() * 1000 / ours.path("tasks").asDouble();
		double bareCpuMs = bare.path("cpuSeconds").asDouble() * 1000 / bare.path("tasks").asDouble();
		report.put("ours", ours);
		report.put("bare", bare);
		report.put("lifecyclesPerSecond", round(ours.path("lifecycles").asDouble() / ours.path("seconds").asDouble()));
		report.put("msPerTaskOurs", round(oursMs));
		report.put("msPerTaskBare", round(bareMs));
		report.put("cpuMsPerTaskOurs", round(oursCpuMs));
		report.put("cpuMsPerTaskBare", round(bareCpuMs));
		report.put("perTaskRatio", round(oursMs / bareMs));
		report.put("perTaskCpuRatio", round(oursCpuMs / bareCpuMs));
		report.put("target", LIFECYCLE_TARGET);
		report.put("met", oursMs / bareMs <= LIFECYCLE_TARGET);
		return report;
	}

	static Map<String, Object> submissions(JsonNode ours, JsonNode bare) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("ours", ours.path("levels"));
		report.put("bare", bare.path("levels"));
		report.put("oursJobsDrainSeconds", ours.path("jobsDrainSeconds"));
		List<Map<String, Object>> ratios = new ArrayList<>();
		for (int i = 0; i < ours.path("levels").size(); i++) {
			JsonNode o = ours.path("levels").get(i);
			JsonNode b = bare.path("levels").get(i);
			Map<String, Object> ratio = new LinkedHashMap<>();
			ratio.put("clients", o.path("clients").asInt());
			ratio.put("throughputRatio", round(o.path("perSecond").asDouble() / b.path("perSecond").asDouble()));
			ratio.put("p99Ratio", round(o.path("p99Ms").asDouble() / b.path("p99Ms").asDouble()));
			ratios.add(ratio);
			if (o.path("clients").asInt() == TARGET_CLIENTS) {
				boolean rate = o.path("perSecond").asDouble() >= SUBMISSIONS_PER_SECOND_TARGET;
				boolean p99 = o.path("p99Ms").asDouble() < P99_TARGET_MS;
				boolean share = o.path("perSecond").asDouble() >= BARE_SHARE_TARGET * b.path("perSecond").asDouble();
				report.put("metRate", rate);
				report.put("metP99", p99);
				report.put("metShareOfBare", share);
			}
		}
		report.put("ratios", ratios);
		return report;
	}

	static Map<String, Object> startup(JsonNode ours, JsonNode bare) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("ours", without(ours, "levels"));
		report.put("bare", without(bare, "levels"));
		double ready = ours.path("readySeconds").asDouble() / bare.path("readySeconds").asDouble();
		double started = ours.path("startedSeconds").asDouble() / bare.path("startedSeconds").asDouble();
		double heapStart = ours.path("afterStart").path("heapMb").asDouble()
				/ bare.path("afterStart").path("heapMb").asDouble();
		double heapAfter = ours.path("afterSubmissions").path("heapMb").asDouble()
				/ bare.path("afterSubmissions").path("heapMb").asDouble();
		double rss = ours.path("afterSubmissions").path("rssMb").asDouble()
				/ bare.path("afterSubmissions").path("rssMb").asDouble();
		report.put("readyRatio", round(ready));
		report.put("startedRatio", round(started));
		report.put("heapAfterStartRatio", round(heapStart));
		report.put("heapAfterSubmissionsRatio", round(heapAfter));
		report.put("rssAfterSubmissionsRatio", round(rss));
		report.put("target", STARTUP_TARGET);
		report.put("met", ready <= STARTUP_TARGET && heapStart <= STARTUP_TARGET && heapAfter <= STARTUP_TARGET);
		return report;
	}

	private static JsonNode without(JsonNode node, String field) {
		JsonNode copy = node.deepCopy();
		((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(field);
		return copy;
	}

	static Map<String, Object> scale(JsonNode scale) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("smallIdeas", scale.path("small").path("sizes").path("ideas").asLong());
		report.put("largeIdeas", scale.path("large").path("sizes").path("ideas").asLong());
		report.put("workingSet", scale.path("workingSet").asInt());
		Map<String, Object> queries = new LinkedHashMap<>();
		boolean met = true;
		for (var names = scale.path("small").path("queries").fieldNames(); names.hasNext();) {
			String name = names.next();
			JsonNode small = scale.path("small").path("queries").path(name);
			JsonNode large = scale.path("large").path("queries").path(name);
			queries.put(name, growth(small, large));
			met &= small.path("p50Ms").asDouble() * GROWTH_TARGET >= large.path("p50Ms").asDouble();
			if (small.has("count")) {
				queries.put(name + "Count", growth(small.path("count"), large.path("count")));
				met &= small.path("count").path("p50Ms").asDouble()
						* GROWTH_TARGET >= large.path("count").path("p50Ms").asDouble();
			}
		}
		report.put("queries", queries);
		report.put("bytesPerFinishedIdea", scale.path("bytesPerFinishedIdea"));
		report.put("small", scale.path("small").path("sizes"));
		report.put("large", scale.path("large").path("sizes"));
		report.put("target", GROWTH_TARGET);
		report.put("met", met);
		return report;
	}

	private static Map<String, Object> growth(JsonNode small, JsonNode large) {
		Map<String, Object> growth = new LinkedHashMap<>();
		growth.put("smallP50Ms", small.path("p50Ms").asDouble());
		growth.put("largeP50Ms", large.path("p50Ms").asDouble());
		growth.put("smallP95Ms", small.path("p95Ms").asDouble());
		growth.put("largeP95Ms", large.path("p95Ms").asDouble());
		if (small.has("tasks")) {
			growth.put("tasks", large.path("tasks").asLong());
		}
		growth.put("growth", round(large.path("p50Ms").asDouble() / small.path("p50Ms").asDouble()));
		return growth;
	}

	/**
	 * The run as a table: each figure of ours beside the bare app's, the ratio and the
	 * target.
	 */
	static String table(JsonNode results) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "measure", "ours", "bare", "ratio", "target", "met" });
		JsonNode lifecycle = results.path("lifecycle");
		rows.add(new String[] {
				"1. ms per user task (" + lifecycle.path("ours").path("tasksPerLifecycle").asInt()
						+ " tasks per lifecycle)",
				f(lifecycle.path("msPerTaskOurs")), f(lifecycle.path("msPerTaskBare")),
				f(lifecycle.path("perTaskRatio")), "<= 1.3", yes(lifecycle.path("met")) });
		rows.add(new String[] { "   CPU ms per user task", f(lifecycle.path("cpuMsPerTaskOurs")),
				f(lifecycle.path("cpuMsPerTaskBare")), f(lifecycle.path("perTaskCpuRatio")), "", "" });
		rows.add(new String[] { "   full lifecycles per second", f(lifecycle.path("lifecyclesPerSecond")), "", "", "",
				"" });
		JsonNode submissions = results.path("submissions");
		for (int i = 0; i < submissions.path("ours").size(); i++) {
			JsonNode o = submissions.path("ours").get(i);
			JsonNode b = submissions.path("bare").get(i);
			boolean target = o.path("clients").asInt() == TARGET_CLIENTS;
			rows.add(new String[] { "2. submissions/s, " + o.path("clients").asInt() + " clients",
					f(o.path("perSecond")), f(b.path("perSecond")),
					f(submissions.path("ratios").get(i).path("throughputRatio")), target ? ">= 200, >= 0.5" : "",
					target ? yes(submissions.path("metRate")) + "," + yes(submissions.path("metShareOfBare")) : "" });
			rows.add(new String[] { "   p50 / p95 / p99 ms",
					f(o.path("p50Ms")) + " / " + f(o.path("p95Ms")) + " / " + f(o.path("p99Ms")),
					f(b.path("p50Ms")) + " / " + f(b.path("p95Ms")) + " / " + f(b.path("p99Ms")),
					f(submissions.path("ratios").get(i).path("p99Ratio")), target ? "p99 < 100" : "",
					target ? yes(submissions.path("metP99")) : "" });
		}
		rows.add(new String[] { "   e-mail jobs done after the last request, s",
				f(submissions.path("oursJobsDrainSeconds")), "", "", "", "" });
		JsonNode scale = results.path("scale");
		rows.add(new String[] { "3. p50 ms at " + scale.path("smallIdeas").asLong() + " -> "
				+ scale.path("largeIdeas").asLong() + " ideas", "small", "large", "growth", "<= 1.5",
				yes(scale.path("met")) });
		for (var names = scale.path("queries").fieldNames(); names.hasNext();) {
			String name = names.next();
			JsonNode query = scale.path("queries").path(name);
			rows.add(new String[] {
					"   " + name + (query.has("tasks") ? " (" + query.path("tasks").asLong() + " tasks)" : ""),
					f(query.path("smallP50Ms")), f(query.path("largeP50Ms")), f(query.path("growth")), "",
					query.path("growth").asDouble() <= GROWTH_TARGET ? "yes" : "no" });
		}
		JsonNode bytes = scale.path("bytesPerFinishedIdea");
		rows.add(new String[] { "   bytes per finished idea: runtime/history/byte arrays/app/file",
				bytes.path("runtimeBytes").asLong() + "/" + bytes.path("historyBytes").asLong() + "/"
						+ bytes.path("byteArrayBytes").asLong() + "/" + bytes.path("applicationBytes").asLong() + "/"
						+ bytes.path("fileBytes").asLong(),
				"", "", "", "" });
		JsonNode startup = results.path("startup");
		rows.add(new String[] { "4. seconds to first submission", f(startup.path("ours").path("readySeconds")),
				f(startup.path("bare").path("readySeconds")), f(startup.path("readyRatio")), "<= 1.3",
				yes(startup.path("met")) });
		rows.add(new String[] { "   seconds to Spring Boot's 'Started'", f(startup.path("ours").path("startedSeconds")),
				f(startup.path("bare").path("startedSeconds")), f(startup.path("startedRatio")), "", "" });
		rows.add(new String[] { "   heap MB after start", f(startup.path("ours").path("afterStart").path("heapMb")),
				f(startup.path("bare").path("afterStart").path("heapMb")), f(startup.path("heapAfterStartRatio")),
				"<= 1.3", "" });
		rows.add(new String[] { "   heap MB after " + startup.path("ours").path("submitted").asInt() + " ideas",
				f(startup.path("ours").path("afterSubmissions").path("heapMb")),
				f(startup.path("bare").path("afterSubmissions").path("heapMb")),
				f(startup.path("heapAfterSubmissionsRatio")), "<= 1.3", "" });
		rows.add(new String[] { "   resident MB after them",
				f(startup.path("ours").path("afterSubmissions").path("rssMb")),
				f(startup.path("bare").path("afterSubmissions").path("rssMb")),
				f(startup.path("rssAfterSubmissionsRatio")), "", "" });
		StringBuilder table = new StringBuilder();
		int[] widths = new int[6];
		for (String[] row : rows) {
			for (int c = 0; c < row.length; c++) {
				widths[c] = Math.max(widths[c], row[c].length());
			}
		}
		for (String[] row : rows) {
			for (int c = 0; c < row.length; c++) {
				String cell = c == 0 ? pad(row[c], widths[c]) : padLeft(row[c], widths[c]);
				table.append(cell).append(c < row.length - 1 ? "  " : "\n");
			}
		}
		JsonNode machine = results.path("machine");
		table.append(String.format(Locale.ROOT,
				"%s; %d cores, %s GB, %s; load average at start %s, at end %s. A shared machine: only the ratios"
						+ " of one run count.%n",
				machine.path("cpu").asText(), machine.path("cores").asInt(), machine.path("memoryGb").asText(),
				machine.path("java").asText(), machine.path("loadAverage").asText(),
				results.path("machineAfter").path("loadAverage").asText()));
		return table.toString();
	}

	private static String f(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		double number = value.asDouble();
		return number >= 100 ? String.format(Locale.ROOT, "%.0f", number) : String.format(Locale.ROOT, "%.2f", number);
	}

	private static String yes(JsonNode met) {
		return met.isMissingNode() ? "" : met.asBoolean() ? "yes" : "no";
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

	private static String padLeft(String text, int width) {
		return " ".repeat(width - text.length()) + text;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
