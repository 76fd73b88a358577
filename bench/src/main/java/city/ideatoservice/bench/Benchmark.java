package city.ideatoservice.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The benchmark: the application against a bare Camunda 7 Spring Boot starter app of the
 * same versions, in one run on one machine, each measured program in a JVM of its own
 * with the same settings. Prints a table and writes target/bench/results.json.
 * <ol>
 * <li>lifecycle: full idea-to-service lifecycles through the engine API against as many
 * user tasks in a row in the bare engine;</li>
 * <li>submissions over HTTP from concurrent clients against the bare REST API's process
 * start;</li>
 * <li>scale: the Tasklist's queries and the tracking lookup with a small and a large
 * history;</li>
 * <li>start-up and memory of both servers, after start and after the submissions.</li>
 * </ol>
 * Run by {@code ./mvnw -B -Pbench verify} (size "full"; {@code -Dbench.size=smoke} for
 * CI's quick run; {@code -Dbench.options="large=20000 lifecycles=5"} overrides single
 * figures).
 */
public final class Benchmark {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final Map<String, String> size;

	private final Path out = Path.of("target", "bench");

	private final HttpLoad http = new HttpLoad();

	private final int smtpPort;

	private Benchmark(Map<String, String> size, int smtpPort) {
		this.size = size;
		this.smtpPort = smtpPort;
	}

	static Map<String, String> sizes(String name) {
		Map<String, String> size = new LinkedHashMap<>();
		boolean full = "full".equals(name);
		size.put("size", name);
		size.put("lifecycleWarmup", full ? "3" : "1");
		size.put("lifecycles", full ? "20" : "1");
		size.put("workingSet", full ? "200" : "10");
		size.put("small", full ? "1000" : "50");
		size.put("large", full ? "100000" : "100");
		size.put("threads", "2");
		size.put("queryWarmup", full ? "100" : "5");
		size.put("queries", full ? "300" : "10");
		size.put("httpWarmup", full ? "1000" : "20");
		size.put("httpPerLevel", full ? "3000" : "30");
		size.put("clients", "8,32,64");
		size.put("ideasForMemory", full ? "10000" : "100");
		size.put("phases", "lifecycle,servers,scale");
		return size;
	}

	/** key=value arguments. */
	static Map<String, String> options(String... args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			for (String option : arg.trim().split("\\s+")) {
				int equals = option.indexOf('=');
				if (equals > 0) {
					options.put(option.substring(0, equals), option.substring(equals + 1));
				}
			}
		}
		return options;
	}

	/**
	 * Arguments: size=smoke or size=full, maven=Maven's home, offline=true if Maven is,
	 * then any figure of the size to override (large=20000).
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> arguments = options(args);
		Map<String, String> size = sizes(arguments.remove("size"));
		String maven = arguments.remove("maven");
		boolean offline = Boolean.parseBoolean(arguments.remove("offline"));
		size.putAll(arguments);
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		Thread purge = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(5000);
					smtp.purgeEmailFromAllMailboxes();
				}
				catch (InterruptedException stop) {
					return;
				}
				catch (Exception ignored) {
					// next time
				}
			}
		}, "bench-mail-purge");
		purge.setDaemon(true);
		purge.start();
		try {
			new Benchmark(size, smtp.getSmtp().getPort()).run(maven, offline);
		}
		finally {
			smtp.stop();
		}
	}

	private void run(String mavenHome, boolean offline) throws Exception {
		deleteTree(out);
		Files.createDirectories(out);
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("size", size);
		results.put("machine", machine());
		System.out.println("bench: " + size);
		String bareClasspath = buildBareApp(mavenHome, offline);
		String oursClasspath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(out.getParent().resolve("bench-runtime.classpath")).trim();
		String benchClasspath = System.getProperty("java.class.path");

		List<String> phases = List.of(size.get("phases").split(","));
		if (phases.contains("lifecycle")) {
			lifecycle(results, benchClasspath, bareClasspath);
		}
		if (phases.contains("servers")) {
			servers(results, oursClasspath, bareClasspath);
		}
		if (phases.contains("scale")) {
			System.out.println("bench: 3. scale");
			JsonNode scale = runChild("ours-scale", benchClasspath, OursEngineBench.class.getName(), "phase=scale");
			results.put("scale", Report.scale(scale.path("scale")));
		}
		results.put("machineAfter", machine());

		Files.writeString(out.resolve("results.json"), JSON.writeValueAsString(results));
		System.out.println();
		System.out.println(Report.table(JSON.valueToTree(results)));
		System.out.println("bench: written " + out.resolve("results.json"));
	}

	private void lifecycle(Map<String, Object> results, String benchClasspath, String bareClasspath) throws Exception {
		System.out.println("bench: 1. lifecycles");
		JsonNode ours = runChild("ours-lifecycle", benchClasspath, OursEngineBench.class.getName(), "phase=lifecycle");
		int tasksPerLifecycle = ours.path("lifecycle").path("tasksPerLifecycle").asInt();
		JsonNode bare = runBareLifecycle(bareClasspath, tasksPerLifecycle);
		results.put("lifecycle", Report.lifecycle(ours.path("lifecycle"), bare));
	}

	private void servers(Map<String, Object> results, String oursClasspath, String bareClasspath) throws Exception {
		System.out.println("bench: 2 and 4. submissions over HTTP, start-up and memory");
		Map<String, Object> bareServer = server("bare", bareClasspath, "bench.bare.BareCamundaApplication", Map.of(),
				List.of("--bare.data-dir=" + out.resolve("bare-server").toAbsolutePath(),
						"--logging.level.bench.bare.BareCamundaApplication=INFO"));
		Map<String, Object> oursServer = server("ours", oursClasspath, "city.ideatoservice.IdeaToServiceApplication",
				Map.of("IDEA_TO_SERVICE_ADMIN_USER", "admin", "IDEA_TO_SERVICE_ADMIN_PASSWORD",
						OursEngineBench.ADMIN_PASSWORD),
				List.of("--idea-to-service.data-dir=" + out.resolve("ours-server").toAbsolutePath(),
						"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
						// one client address sends all: the limits per address are not
						// what
						// is measured
						"--idea-to-service.rate-limits.submissions.requests=1000000000",
						"--logging.level.city.ideatoservice.IdeaToServiceApplication=INFO"));
		results.put("submissions", Report.submissions(JSON.valueToTree(oursServer), JSON.valueToTree(bareServer)));
		results.put("startup", Report.startup(JSON.valueToTree(oursServer), JSON.valueToTree(bareServer)));
	}

	/** The bare app compiled and its classpath resolved by Maven (bench/bare-app). */
	private String buildBareApp(String mavenHome, boolean offline) throws Exception {
		Path app = Path.of("bench", "bare-app");
		List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-q", "-f",
				app.resolve("pom.xml").toString(), "compile", "dependency:build-classpath",
				"-Dmdep.outputFile=target/classpath.txt"));
		if (offline) {
			command.add("-o");
		}
		Process maven = new ProcessBuilder(command).inheritIO().start();
		if (maven.waitFor() != 0) {
			throw new IllegalStateException("Building bench/bare-app failed");
		}
		return app.resolve("target/classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(app.resolve("target/classpath.txt")).trim();
	}

	private JsonNode runChild(String name, String classpath, String mainClass, String... extra) throws Exception {
		Path result = out.resolve(name + ".json");
		List<String> args = new ArrayList<>();
		size.forEach((key, value) -> args.add(key + "=" + value));
		args.addAll(List.of(extra));
		args.add("result=" + result.toAbsolutePath());
		args.add("data=" + out.resolve(name).toAbsolutePath());
		args.add("smtpPort=" + smtpPort);
		try (AppServer child = AppServer.start(name, out.resolve(name + ".log"), classpath, mainClass, Map.of(),
				args)) {
			child.awaitExit(240);
		}
		return JSON.readTree(result.toFile());
	}

	private JsonNode runBareLifecycle(String classpath, int tasksPerLifecycle) throws Exception {
		Path result = out.resolve("bare-lifecycle.json");
		try (AppServer child = AppServer.start("bare-lifecycle", out.resolve("bare-lifecycle.log"), classpath,
				"bench.bare.BareLifecycle", Map.of(),
				List.of(result.toAbsolutePath().toString(), out.resolve("bare-lifecycle").toAbsolutePath().toString(),
						String.valueOf(tasksPerLifecycle), size.get("lifecycleWarmup"), size.get("lifecycles")))) {
			child.awaitExit(60);
		}
		return JSON.readTree(result.toFile());
	}

	/**
	 * One server: started (seconds to its first successful submission), its memory, the
	 * submissions from 8, 32 and 64 clients, then the memory again (after the
	 * application's e-mail jobs are done).
	 */
	private Map<String, Object> server(String name, String classpath, String mainClass, Map<String, String> env,
			List<String> appArgs) throws Exception {
		int port = freePort();
		List<String> args = new ArrayList<>(appArgs);
		args.add("--server.port=" + port);
		args.add("--logging.level.root=WARN");
		boolean isOurs = "ours".equals(name);
		String base = "http://localhost:" + port;
		IntFunction<HttpRequest> submission = isOurs
				? i -> HttpLoad
					.json(base + "/api/ideas",
							"{\"title\":\"Shade on square " + i
									+ "\",\"description\":\"Trees and benches on the main square.\","
									+ "\"theme\":\"URBAN_PLANNING\",\"reach\":\"DISTRICT\",\"name\":\"Ana Citizen\","
									+ "\"email\":\"ana-" + i + "@example.org\",\"privacyConsent\":true}")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.build()
				: i -> HttpLoad
					.json(base + "/engine-rest/process-definition/key/bare-idea/start", "{\"businessKey\":\"BARE-" + i
							+ "\",\"variables\":{" + "\"title\":{\"value\":\"Shade on square " + i
							+ "\",\"type\":\"String\"},"
							+ "\"description\":{\"value\":\"Trees and benches on the main square.\",\"type\":\"String\"},"
							+ "\"theme\":{\"value\":\"URBAN_PLANNING\",\"type\":\"String\"},"
							+ "\"reach\":{\"value\":\"DISTRICT\",\"type\":\"String\"}," + "\"email\":{\"value\":\"ana-"
							+ i + "@example.org\",\"type\":\"String\"}}}")
					.build();
		int expected = isOurs ? 201 : 200;
		Map<String, Object> server = new LinkedHashMap<>();
		try (AppServer app = AppServer.start(name + "-server", out.resolve(name + "-server.log"), classpath, mainClass,
				env, args)) {
			int[] sent = { 0 };
			double ready = app.awaitReady(() -> {
				try {
					return http.send(submission.apply(-1 - sent[0]++)).statusCode() == expected;
				}
				catch (Exception notYet) {
					return false;
				}
			}, 600);
			server.put("readySeconds", HttpLoad.round(ready));
			server.put("startedSeconds", app.startedSeconds());
			server.put("afterStart", app.memory().toMap());
			int total = 0;
			int next = 0;
			HttpLoad.Result warmup = http.run(8, Integer.parseInt(size.get("httpWarmup")), expected,
					offset(submission, next));
			next += warmup.requests();
			total += warmup.requests() - warmup.errors();
			List<Map<String, Object>> levels = new ArrayList<>();
			for (String clients : size.get("clients").split(",")) {
				HttpLoad.Result level = http.run(Integer.parseInt(clients), Integer.parseInt(size.get("httpPerLevel")),
						expected, offset(submission, next));
				next += level.requests();
				total += level.requests() - level.errors();
				Map<String, Object> row = level.toMap();
				if (isOurs) {
					row.put("jobsWaitingAfter", executableJobs(base));
				}
				levels.add(row);
				System.out.printf("bench: %s, %s clients: %.0f/s, p99 %.1f ms%n", name, clients, level.perSecond(),
						level.millis(99));
			}
			server.put("levels", levels);
			int forMemory = Integer.parseInt(size.get("ideasForMemory"));
			if (total < forMemory) {
				HttpLoad.Result more = http.run(8, forMemory - total, expected, offset(submission, next));
				total += more.requests() - more.errors();
			}
			server.put("submitted", total);
			if (isOurs) {
				long drainStart = System.nanoTime();
				while (executableJobs(base) > 0 && System.nanoTime() - drainStart < 600e9) {
					Thread.sleep(500);
				}
				server.put("jobsDrainSeconds", HttpLoad.round((System.nanoTime() - drainStart) / 1e9));
			}
			server.put("afterSubmissions", app.memory().toMap());
		}
		return server;
	}

	private static IntFunction<HttpRequest> offset(IntFunction<HttpRequest> requests, int offset) {
		return i -> requests.apply(offset + i);
	}

	/**
	 * The application's jobs due now (e-mails, continuations), asked as its
	 * administrator.
	 */
	private long executableJobs(String base) throws Exception {
		String auth = Base64.getEncoder()
			.encodeToString(("admin:" + OursEngineBench.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		String body = http
			.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/job/count?executable=true"))
				.header("Authorization", "Basic " + auth)
				.GET()
				.build())
			.body();
		return JSON.readTree(body).path("count").asLong(-1);
	}

	private static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("at", Instant.now().toString());
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		try {
			machine.put("cpu",
					Files.readAllLines(Path.of("/proc/cpuinfo"))
						.stream()
						.filter(line -> line.startsWith("model name"))
						.findFirst()
						.map(line -> line.substring(line.indexOf(':') + 1).strip())
						.orElse("?"));
			machine.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
			machine.put("memoryGb",
					Files.readAllLines(Path.of("/proc/meminfo"))
						.stream()
						.filter(line -> line.startsWith("MemTotal"))
						.map(line -> Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
						.findFirst()
						.orElse(0L));
		}
		catch (IOException notLinux) {
			machine.put("cpu", System.getProperty("os.arch"));
		}
		machine.put("jvmOptions", String.join(" ", AppServer.JVM_OPTIONS));
		return machine;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void deleteTree(Path path) throws IOException {
		if (Files.exists(path)) {
			try (Stream<Path> paths = Files.walk(path)) {
				for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(each);
				}
			}
		}
	}

}
