package city.ideatoservice.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Run by {@code mvn verify} after the tests: the share of a model's flow nodes and sequence flows that the tests
 * passed, over the reports of all test classes (target/process-test-coverage/&lt;class&gt;/report.json). Fails the
 * build below the minimum.
 */
public final class CoverageCheck {

	private CoverageCheck() {
	}

	public static void main(String[] args) throws IOException {
		Path reports = Path.of(args[0]);
		String processKey = args[1];
		double minimum = Double.parseDouble(args[2]);
		ObjectMapper json = new ObjectMapper();
		int total = 0;
		Set<String> covered = new HashSet<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(reports, 2)) {
			files = walk.filter(p -> p.getFileName().toString().equals("report.json")).toList();
		}
		for (Path file : files) {
			JsonNode report = json.readTree(file.toFile());
			for (JsonNode model : report.path("models")) {
				if (processKey.equals(model.path("key").asText())) {
					total = Math.max(total, model.path("totalElementCount").asInt());
				}
			}
			for (JsonNode suite : report.path("suites")) {
				for (JsonNode run : suite.path("runs")) {
					for (JsonNode event : run.path("events")) {
						if (processKey.equals(event.path("modelKey").asText())) {
							covered.add(event.path("definitionKey").asText());
						}
					}
				}
			}
		}
		if (total == 0) {
			throw new IllegalStateException("No coverage report of " + processKey + " under " + reports
					+ ": did the process tests run?");
		}
		double coverage = (double) covered.size() / total;
		System.out.printf("BPMN coverage of %s: %.1f%% (%d of %d flow nodes and sequence flows, from %d test classes;"
				+ " minimum %.0f%%)%n", processKey, coverage * 100, covered.size(), total, files.size(), minimum * 100);
		if (coverage < minimum) {
			System.err.printf("BPMN coverage of %s is below the minimum of %.0f%%%n", processKey, minimum * 100);
			System.exit(1);
		}
	}

}
