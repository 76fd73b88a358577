package city.ideatoservice.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import city.ideatoservice.identity.TasklistFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/**
 * The city after some years: ideas in history, generated through the engine (a citizen's
 * submission, the screener's decision, the e-mails), beside a constant working set of
 * open tasks (to screen, overdue, the champion's); then the Tasklist's queries and the
 * public tracking lookup timed over HTTP, and the database measured.
 */
final class History {

	private final Lifecycles lifecycles;

	private final DataSource dataSource;

	private final FilterService filters;

	private final String baseUrl;

	private final Path databaseFile;

	private final HttpLoad http = new HttpLoad();

	private final List<String> trackingCodes = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger numbers = new AtomicInteger(1_000_000);

	History(ApplicationContext context, Lifecycles lifecycles, int port, Path databaseFile) {
		this.lifecycles = lifecycles;
		this.dataSource = context.getBean(DataSource.class);
		this.filters = context.getBean(FilterService.class);
		this.baseUrl = "http://localhost:" + port;
		this.databaseFile = databaseFile;
	}

	/**
	 * The open work, the same at every size: half waiting for screening, a quarter for
	 * screening since a month (overdue), a quarter at the champion's co-design planning.
	 */
	void workingSet(int size) {
		for (int i = 0; i < size / 2; i++) {
			trackingCodes.add(lifecycles.submit(numbers.incrementAndGet()).trackingCode());
		}
		ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().minus(Duration.ofDays(30))));
		try {
			for (int i = 0; i < size / 4; i++) {
				trackingCodes.add(lifecycles.submit(numbers.incrementAndGet()).trackingCode());
			}
		}
		finally {
			ClockUtil.reset();
		}
		for (int i = 0; i < size / 4; i++) {
			Lifecycles.Submitted idea = lifecycles.submit(numbers.incrementAndGet());
			trackingCodes.add(idea.trackingCode());
			lifecycles.complete(lifecycles.task(idea.reference(), "screen-idea"), Lifecycles.acceptance());
			lifecycles.complete(lifecycles.task(idea.reference(), "assign-champion"),
					Lifecycles.form("champion", Lifecycles.CHAMPION, "sponsorDepartment", "dept-mobility"));
		}
	}

	/**
	 * Finished ideas until the database holds this many: submitted, screened and
	 * rejected, the citizen told by e-mail each time; in parallel threads.
	 */
	void growTo(int ideas, int threads) throws Exception {
		int missing = ideas - ideaCount();
		AtomicInteger left = new AtomicInteger(missing);
		List<Thread> workers = new ArrayList<>();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					while (left.getAndDecrement() > 0) {
						Lifecycles.Submitted idea = lifecycles.submit(numbers.incrementAndGet());
						trackingCodes.add(idea.trackingCode());
						lifecycles.complete(lifecycles.task(idea.reference(), "screen-idea"), Lifecycles.rejection());
					}
				}
				catch (Throwable failed) {
					failures.add(failed);
				}
			}, "bench-history-" + t);
			workers.add(worker);
			worker.start();
		}
		for (int t = 0; t < workers.size(); t++) {
			workers.get(t).join();
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("history generation failed", failures.get(0));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("bench: %d ideas in history (+%d in %.0f s, %.0f/s)%n", ideaCount(), missing, seconds,
				missing / Math.max(seconds, 0.001));
	}

	int ideaCount() {
		return (int) queryLong("select count(*) from idea");
	}

	/**
	 * The Tasklist's views of the innovation office and the champion (first page of 15,
	 * sorted by due date, as hal+json with the filters' variables, and the count beside
	 * it), and the citizen's tracking lookup; medians and 95th percentiles.
	 */
	Map<String, Object> timeQueries(int warmup, int iterations) throws Exception {
		String inno = lifecycles.user("bench-innovation-office", "innovation-office");
		Map<String, Object> timings = new LinkedHashMap<>();
		timings.put("myGroupsTasks", timeFilter(TasklistFilters.MY_GROUPS_TASKS, inno, warmup, iterations));
		timings.put("ideasToScreen", timeFilter(TasklistFilters.IDEAS_TO_SCREEN, inno, warmup, iterations));
		timings.put("overdue", timeFilter(TasklistFilters.OVERDUE, inno, warmup, iterations));
		timings.put("myTasks", timeFilter(TasklistFilters.MY_TASKS, Lifecycles.CHAMPION, warmup, iterations));
		Random random = new Random(17);
		List<String> codes = new ArrayList<>(trackingCodes);
		IntFunction<HttpRequest> lookup = i -> HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/ideas/tracking/" + codes.get(random.nextInt(codes.size()))))
			.header("Accept", "application/json")
			.GET()
			.build();
		timings.put("trackingLookup", timed(warmup, iterations, lookup, null));
		return timings;
	}

	private Map<String, Object> timeFilter(String name, String user, int warmup, int iterations) throws Exception {
		String id = filters.createFilterQuery().filterName(name).singleResult().getId();
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + Lifecycles.PASSWORD).getBytes(StandardCharsets.UTF_8));
		IntFunction<HttpRequest> page = i -> HttpLoad
			.json(baseUrl + "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
					"{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}")
			.header("Accept", "application/hal+json")
			.header("Authorization", auth)
			.build();
		IntFunction<HttpRequest> count = i -> HttpLoad.json(baseUrl + "/engine-rest/filter/" + id + "/count", "{}")
			.header("Authorization", auth)
			.build();
		Map<String, Object> timing = timed(warmup, iterations, page, null);
		String counted = http.send(count.apply(0)).body();
		timing.put("tasks", Long.parseLong(counted.replaceAll("\\D", "")));
		timing.put("count", timed(warmup, iterations, count, null));
		return timing;
	}

	private Map<String, Object> timed(int warmup, int iterations, IntFunction<HttpRequest> request, Object unused)
			throws Exception {
		http.run(1, warmup, 200, request);
		HttpLoad.Result result = http.run(1, iterations, 200, request);
		if (result.errors() > 0) {
			throw new IllegalStateException(result.errors() + " failed requests to " + request.apply(0).uri());
		}
		Map<String, Object> timing = new LinkedHashMap<>();
		timing.put("p50Ms", HttpLoad.round(result.millis(50)));
		timing.put("p95Ms", HttpLoad.round(result.millis(95)));
		timing.put("meanMs", HttpLoad.round(result.latencies().getMean() / 1000.0));
		return timing;
	}

	/**
	 * Bytes of the tables (H2's DISK_SPACE_USED, without indexes) by kind: the engine's
	 * runtime (ACT_RU_*), its history (ACT_HI_*), its byte arrays (ACT_GE_BYTEARRAY: JSON
	 * variables, of both), the application's tables; and the database file after a
	 * compaction-free checkpoint.
	 */
	Map<String, Long> sizes() throws Exception {
		Map<String, Long> sizes = new LinkedHashMap<>();
		sizes.put("ideas", (long) ideaCount());
		long runtime = 0;
		long history = 0;
		long bytes = 0;
		long application = 0;
		long engineOther = 0;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("checkpoint sync");
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
					+ " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				long used;
				try (PreparedStatement size = connection.prepareStatement("select disk_space_used(?)")) {
					size.setString(1, "PUBLIC.\"" + table + "\"");
					try (ResultSet row = size.executeQuery()) {
						row.next();
						used = row.getLong(1);
					}
				}
				if (table.startsWith("ACT_RU_")) {
					runtime += used;
				}
				else if (table.startsWith("ACT_HI_")) {
					history += used;
				}
				else if (table.equals("ACT_GE_BYTEARRAY")) {
					bytes += used;
				}
				else if (table.startsWith("ACT_")) {
					engineOther += used;
				}
				else {
					application += used;
				}
			}
		}
		sizes.put("runtimeBytes", runtime);
		sizes.put("historyBytes", history);
		sizes.put("byteArrayBytes", bytes);
		sizes.put("engineOtherBytes", engineOther);
		sizes.put("applicationBytes", application);
		sizes.put("fileBytes", Files.size(databaseFile));
		return sizes;
	}

	private long queryLong(String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
		catch (java.sql.SQLException failed) {
			throw new IllegalStateException(failed);
		}
	}

}
