package city.ideatoservice.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the cluster tests, one per test JVM: initdb into a
 * temporary folder, started on a free loopback port, stopped and deleted when the JVM
 * ends. It runs the binaries of the PostgreSQL installed on the machine (Debian's package
 * {@code postgresql}: .ci/run installs it; {@code initdb} on the PATH elsewhere). As root
 * (CI) the server runs as the user {@code postgres}, since PostgreSQL refuses to run as
 * root. Each test class gets a database of its own ({@link #createDatabase}).
 */
public final class PostgresServer {

	private static PostgresServer shared;

	private final Path bin;

	private final Path dataDir;

	private final int port;

	private PostgresServer(Path bin, Path dataDir, int port) {
		this.bin = bin;
		this.dataDir = dataDir;
		this.port = port;
	}

	/** The JVM's server, started on first use. */
	public static synchronized PostgresServer shared() {
		if (shared == null) {
			shared = start();
			shared.stopAfterThisJvm();
		}
		return shared;
	}

	/** A new, empty database: its JDBC URL (user {@code postgres}, no password). */
	public String createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "")) {
			connection.createStatement().execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + name, ex);
		}
		return url(name);
	}

	public String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public String version() {
		return bin.getParent().getFileName().toString();
	}

	private static PostgresServer start() {
		Path bin = binaries();
		try {
			Path dataDir = Files.createTempDirectory("idea-to-service-pg");
			if (isRoot()) {
				run(List.of("chown", "postgres:", dataDir.toString()));
			}
			int port = freePort();
			run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres", "-A",
					"trust", "-E", "UTF8", "--locale=C")));
			// fsync off: a test database need not survive a crash of the machine
			run(asServerUser(
					List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-l",
							dataDir.resolve("server.log").toString(), "-o",
							"-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
									+ " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
							"start")));
			return new PostgresServer(bin, dataDir, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A watchdog process stops the server and deletes its files once this JVM has ended,
	 * after the application contexts closed (a shutdown hook would race with them), or
	 * when the JVM was killed.
	 */
	private void stopAfterThisJvm() {
		String stop = String.join(" ", asServerUser(
				List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop")));
		String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; " + stop
				+ " >/dev/null 2>&1; rm -rf " + dataDir;
		try {
			new ProcessBuilder("sh", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The newest PostgreSQL of Debian's packages, or the one whose initdb is on the PATH.
	 */
	static Path binaries() {
		Path debian = Paths.get("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				var newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
					.max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())));
				if (newest.isPresent()) {
					return newest.get().resolve("bin");
				}
			}
			catch (IOException | NumberFormatException ex) {
				// fall back to the PATH
			}
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "initdb"))) {
				return Paths.get(dir);
			}
		}
		throw new IllegalStateException("The cluster tests need PostgreSQL's server binaries (initdb, pg_ctl):"
				+ " install Debian's package postgresql (apt-get install postgresql) or put initdb on the PATH");
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static List<String> asServerUser(List<String> command) {
		if (!isRoot()) {
			return command;
		}
		List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		asPostgres.addAll(command);
		return asPostgres;
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
