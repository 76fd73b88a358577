package city.ideatoservice.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Run by {@code mvn verify} after the tests: for each model in processes/, the share of
 * its flow nodes and sequence flows that the tests passed, over the reports of all test
 * classes (target/process-test-coverage/&lt;class&gt;/report.json). Elements of mocks
 * deployed under a model's key do not count. Fails the build when a model is below the
 * minimum, unless it is named as not checked.
 * <p>
 * Arguments: the reports folder, the processes folder, the minimum (0.90), and optionally
 * the keys of models that are reported but not checked, comma-separated.
 */
public final class CoverageCheck {

	private CoverageCheck() {
	}

	public static void main(String[] args) throws IOException {
		Path reports = Path.of(args[0]);
		Path processes = Path.of(args[1]);
		double minimum = Double.parseDouble(args[2]);
		Set<String> unchecked = args.length > 3 ? Set.of(args[3].split("\\s*,\\s*")) : Set.of();

		Map<String, Set<String>> elements = elementsByModel(processes);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(reports, 2)) {
			files = walk.filter(p -> p.getFileName().toString().equals("report.json")).toList();
		}
		Map<String, Set<String>> passed = passedByModel(files);

		System.out.printf("BPMN coverage per model (flow nodes and sequence flows), %d test classes, minimum %.0f%%:%n",
				files.size(), minimum * 100);
		List<String> failures = new ArrayList<>();
		elements.forEach((key, ids) -> {
			Set<String> covered = new HashSet<>(passed.getOrDefault(key, Set.of()));
			covered.retainAll(ids);
			double coverage = (double) covered.size() / ids.size();
			boolean checked = !unchecked.contains(key);
			System.out.printf("  %-20s %5.1f%% (%d of %d)%s%n", key, coverage * 100, covered.size(), ids.size(),
					checked ? "" : ", not checked");
			if (checked && coverage < minimum) {
				List<String> missed = new ArrayList<>(ids);
				missed.removeAll(covered);
				failures.add(String.format("%s: %.1f%%, not passed: %s", key, coverage * 100,
						missed.stream().sorted().toList()));
			}
		});
		if (!failures.isEmpty()) {
			System.err.printf("BPMN coverage below the minimum of %.0f%%:%n  %s%n", minimum * 100,
					String.join("\n  ", failures));
			System.exit(1);
		}
	}

	/**
	 * Each model's key (its file name) and the ids of its flow nodes and sequence flows.
	 */
	static Map<String, Set<String>> elementsByModel(Path processes) throws IOException {
		Map<String, Set<String>> elements = new TreeMap<>();
		List<Path> models;
		try (Stream<Path> list = Files.list(processes)) {
			models = list.filter(p -> p.getFileName().toString().endsWith(".bpmn")).toList();
		}
		for (Path file : models) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (Process process : model.getModelElementsByType(Process.class)) {
				Set<String> ids = new HashSet<>();
				for (Class<? extends BaseElement> type : Arrays.asList(FlowNode.class, SequenceFlow.class)) {
					model.getModelElementsByType(type).forEach(element -> ids.add(element.getId()));
				}
				elements.put(process.getId(), ids);
			}
		}
		return elements;
	}

	/** The ids of the elements each model's instances passed, in any test class. */
	static Map<String, Set<String>> passedByModel(List<Path> reports) throws IOException {
		ObjectMapper json = new ObjectMapper();
		Map<String, Set<String>> passed = new HashMap<>();
		for (Path file : reports) {
			for (JsonNode suite : json.readTree(file.toFile()).path("suites")) {
				for (JsonNode run : suite.path("runs")) {
					for (JsonNode event : run.path("events")) {
						passed.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
							.add(event.path("definitionKey").asText());
					}
				}
			}
		}
		return passed;
	}

}
