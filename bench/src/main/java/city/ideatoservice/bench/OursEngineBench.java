package city.ideatoservice.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import city.ideatoservice.IdeaToServiceApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's side of the lifecycle and scale benchmarks, in its own JVM: the whole
 * application (H2 in a file, history level full, its real models, forms, listeners and
 * e-mails to the benchmark's SMTP server) with the job executor off, so that this thread
 * runs every job and the time measured is the work done. First full lifecycles, then the
 * history grown to the small and the large size with the queries timed at each. Writes
 * one JSON object to the result file.
 */
public final class OursEngineBench {

	static final String ADMIN_PASSWORD = "Str0ng-Bench-Passw0rd!";

	private OursEngineBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = Benchmark.options(args);
		Path result = Path.of(options.get("result"));
		Path data = Path.of(options.get("data"));
		int lifecycleWarmup = Integer.parseInt(options.get("lifecycleWarmup"));
		int lifecycleCount = Integer.parseInt(options.get("lifecycles"));
		int workingSet = Integer.parseInt(options.get("workingSet"));
		int small = Integer.parseInt(options.get("small"));
		int large = Integer.parseInt(options.get("large"));
		int threads = Integer.parseInt(options.get("threads"));
		int queryWarmup = Integer.parseInt(options.get("queryWarmup"));
		int queries = Integer.parseInt(options.get("queries"));
		Map<String, Object> out = new LinkedHashMap<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdeaToServiceApplication.class).run(
				"--idea-to-service.data-dir=" + data, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
				"--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
				"--camunda.bpm.generic-properties.properties.enable-password-policy=true",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + options.get("smtpPort"),
				// the benchmark takes many ideas through prototype funding in one year
				"--idea-to-service.organisation.departments.mobility.yearly-budget=999999999999",
				"--idea-to-service.rate-limits.tracking.requests=1000000000", "--logging.level.root=WARN")) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			Lifecycles lifecycles = new Lifecycles(context);
			History history = new History(context, lifecycles, port, data.resolve("idea-to-service.mv.db"));

			if ("lifecycle".equals(options.get("phase"))) {
				out.put("lifecycle", lifecycle(lifecycles, history, lifecycleWarmup, lifecycleCount));
			}
			else {
				out.put("scale", scale(history, workingSet, small, large, threads, queryWarmup, queries));
			}
			out.put("jobFailures", lifecycles.jobFailures.get());
		}
		Files.writeString(result,
				new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
	}

	private static Map<String, Object> lifecycle(Lifecycles lifecycles, History history, int lifecycleWarmup,
			int lifecycleCount) throws Exception {
		for (int i = 0; i < lifecycleWarmup; i++) {
			lifecycles.fullLifecycle(-1 - i);
		}
		Map<String, Long> before = history.sizes();
		long cpu0 = processCpuNanos();
		long t0 = System.nanoTime();
		int tasks = 0;
		for (int i = 0; i < lifecycleCount; i++) {
			tasks += lifecycles.fullLifecycle(i);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
		Map<String, Long> after = history.sizes();
		Map<String, Object> lifecycle = new LinkedHashMap<>();
		lifecycle.put("lifecycles", lifecycleCount);
		lifecycle.put("tasks", tasks);
		lifecycle.put("tasksPerLifecycle", tasks / lifecycleCount);
		lifecycle.put("seconds", seconds);
		lifecycle.put("cpuSeconds", cpuSeconds);
		lifecycle.put("bytesPerLifecycle", perIdea(before, after, lifecycleCount));
		System.out.printf("bench: %d lifecycles, %d user tasks in %.1f s (%.1f s CPU)%n", lifecycleCount, tasks,
				seconds, cpuSeconds);
		return lifecycle;
	}

	private static Map<String, Object> scale(History history, int workingSet, int small, int large, int threads,
			int queryWarmup, int queries) throws Exception {
		Map<String, Object> scale = new LinkedHashMap<>();
		history.workingSet(workingSet);
		history.growTo(small, threads);
		Map<String, Long> smallSizes = history.sizes();
		scale.put("small", Map.of("sizes", smallSizes, "queries", history.timeQueries(queryWarmup, queries)));
		history.growTo(large, threads);
		Map<String, Long> largeSizes = history.sizes();
		scale.put("large", Map.of("sizes", largeSizes, "queries", history.timeQueries(queryWarmup, queries)));
		scale.put("bytesPerFinishedIdea",
				perIdea(smallSizes, largeSizes, (int) (largeSizes.get("ideas") - smallSizes.get("ideas"))));
		scale.put("workingSet", workingSet);
		return scale;
	}

	/** What the database grew by, per idea added between the two measurements. */
	private static Map<String, Long> perIdea(Map<String, Long> before, Map<String, Long> after, int ideas) {
		Map<String, Long> per = new LinkedHashMap<>();
		after.forEach((key, value) -> {
			if (!key.equals("ideas")) {
				per.put(key, (value - before.get(key)) / Math.max(1, ideas));
			}
		});
		return per;
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
