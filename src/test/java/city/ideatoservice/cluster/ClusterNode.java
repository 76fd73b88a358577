package city.ideatoservice.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import city.ideatoservice.IdeaToServiceApplication;

/**
 * One node of the cluster: the application in a JVM of its own, as an operator starts it
 * (the profiles "demo" and "postgres", settings as arguments), with its output in a log
 * file. {@link #kill()} is SIGKILL: no shutdown hook, no unlocking of jobs, connections
 * just dropped.
 */
final class ClusterNode {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String name;

	final int port;

	final Path log;

	private final Process process;

	private ClusterNode(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	static ClusterNode start(String name, Path logDir, List<String> settings) {
		int port = PostgresServer.freePort();
		// without empty entries: those would put the working directory, with its own
		// processes/, on the class path
		String classpath = java.util.Arrays
			.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(java.io.File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
						"-XX:TieredStopAtLevel=1", "-cp", classpath, IdeaToServiceApplication.class.getName(),
						"--server.port=" + port, "--spring.profiles.active=demo,postgres"));
		command.addAll(settings);
		try {
			Path workDir = Files.createDirectories(logDir.resolve("node-" + name));
			Path log = logDir.resolve("node-" + name + ".log");
			Process process = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.PIPE)
				.start();
			// no node outlives the test JVM
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			return new ClusterNode(name, port, log, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	boolean alive() {
		return process.isAlive();
	}

	/**
	 * Waits until the load balancer would send it traffic: readiness UP.
	 */
	ClusterNode awaitReady(Duration timeout) {
		Instant until = Instant.now().plus(timeout);
		while (Instant.now().isBefore(until)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Node " + name + " ended while starting; see " + log);
			}
			try {
				HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		throw new IllegalStateException("Node " + name + " not ready after " + timeout + "; see " + log);
	}

	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A clean stop (SIGTERM): Spring's shutdown, the job executor ends its jobs. */
	void stop() {
		process.destroy();
		try {
			if (!process.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long logCount(String text) {
		try (var lines = Files.lines(log)) {
			return lines.filter(line -> line.contains(text)).count();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return name + ":" + port;
	}

}
