package city.ideatoservice.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java program in a JVM of its own (an application server, or a benchmark that must not
 * share its JVM), its output kept in a log file, its memory read with jcmd.
 */
final class AppServer implements AutoCloseable {

	/** The same JVM settings for every program the benchmark compares. */
	static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC");

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private final Process process;

	private final long spawnedAt;

	private final CompletableFuture<Double> started = new CompletableFuture<>();

	private final String name;

	private AppServer(String name, Process process, long spawnedAt) {
		this.name = name;
		this.process = process;
		this.spawnedAt = spawnedAt;
	}

	static AppServer start(String name, Path logFile, String classpath, String mainClass, Map<String, String> env,
			List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		long spawnedAt = System.nanoTime();
		AppServer server = new AppServer(name, builder.start(), spawnedAt);
		server.keepLog(logFile);
		return server;
	}

	private void keepLog(Path logFile) throws IOException {
		PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					log.println(line);
					if (line.startsWith("bench:")) {
						System.out.println("  [" + name + "] " + line.substring(6).strip());
					}
					Matcher matcher = STARTED.matcher(line);
					if (matcher.find()) {
						started.complete(Double.parseDouble(matcher.group(2)));
					}
				}
			}
			catch (IOException ended) {
				// the process is gone
			}
			finally {
				log.close();
				started.complete(Double.NaN);
			}
		}, "bench-log-" + name);
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Seconds from spawning the JVM until the first successful request (polled every 100
	 * ms), as a user of the server sees it.
	 */
	double awaitReady(Supplier<Boolean> succeeds, int timeoutSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " ended with " + process.exitValue() + ": see its log");
			}
			if (succeeds.get()) {
				return (System.nanoTime() - spawnedAt) / 1e9;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException(name + " not ready after " + timeoutSeconds + " s: see its log");
	}

	/** Spring Boot's own figure: the JVM's age when the application had started. */
	double startedSeconds() throws Exception {
		return started.get(60, TimeUnit.SECONDS);
	}

	/** Waits for the program to end by itself; fails if it fails. */
	void awaitExit(int timeoutMinutes) throws Exception {
		if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " did not finish in " + timeoutMinutes + " minutes");
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "): see its log");
		}
	}

	/**
	 * Heap in use after a full collection (the live data), the metaspace, and the
	 * process' resident memory, in megabytes.
	 */
	Memory memory() throws Exception {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		Matcher heap = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(info);
		Matcher metaspace = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(info);
		if (!heap.find() || !metaspace.find()) {
			throw new IllegalStateException("Unexpected GC.heap_info: " + info);
		}
		long rssKb = 0;
		for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				rssKb = Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return new Memory(Long.parseLong(heap.group(1)) / 1024.0, Long.parseLong(metaspace.group(1)) / 1024.0,
				rssKb / 1024.0);
	}

	record Memory(double heapMb, double metaspaceMb, double rssMb) {

		Map<String, Object> toMap() {
			return Map.of("heapMb", HttpLoad.round(heapMb), "metaspaceMb", HttpLoad.round(metaspaceMb), "rssMb",
					HttpLoad.round(rssMb));
		}

	}

	private String jcmd(String command) throws Exception {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(process.pid()), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jcmd.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
