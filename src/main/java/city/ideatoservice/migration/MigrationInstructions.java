package city.ideatoservice.migration;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.ClassPathResource;

/**
 * The designer's extra instructions for moving instances from one version of a model to
 * another, kept beside the model as
 * {@code processes/migrations/<key>-v<from>-v<to>.json}. {@code <from>} and {@code <to>}
 * are the versions' version tags ({@code camunda:versionTag}, Modeler's "Version tag")
 * where both have one, else the engine's version numbers; a file named by tags wins. Tags
 * are the same in every database, numbers count the deployments one database has seen.
 *
 * <pre>
 * {
 *   "about": "Screening: 'Check idea' became 'Screen idea'",
 *   "instructions": [
 *     { "from": "Task_CheckIdea", "to": "Task_ScreenIdea" },
 *     { "from": "Timer_Reminder", "to": "Timer_Reminder2", "updateEventTrigger": true }
 *   ],
 *   "variables": { "reminderSent": false }
 * }
 * </pre>
 *
 * An instruction maps an activity of the older version (its id) to one of the newest and
 * replaces what equal ids would have mapped; {@code updateEventTrigger} recreates a
 * timer, message or signal from the newest version. {@code variables} are set on every
 * moved instance (strings, numbers, booleans).
 */
record MigrationInstructions(String file, boolean present, String about, List<Instruction> instructions,
		Map<String, Object> variables, String problem) {

	static final String FOLDER = "processes/migrations/";

	record Instruction(String from, String to, boolean updateEventTrigger) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The file for this pair of versions, read from the application's classpath. */
	static MigrationInstructions of(ProcessDefinition from, ProcessDefinition to) {
		if (hasTag(from) && hasTag(to)) {
			String byTags = fileName(from.getKey(), from.getVersionTag(), to.getVersionTag());
			if (new ClassPathResource(byTags).exists()) {
				return read(byTags);
			}
		}
		String byNumbers = fileName(from.getKey(), String.valueOf(from.getVersion()), String.valueOf(to.getVersion()));
		if (new ClassPathResource(byNumbers).exists()) {
			return read(byNumbers);
		}
		String looked = hasTag(from) && hasTag(to) ? fileName(from.getKey(), from.getVersionTag(), to.getVersionTag())
				: byNumbers;
		return new MigrationInstructions(looked, false, null, List.of(), Map.of(), null);
	}

	static String fileName(String key, String from, String to) {
		return FOLDER + key + "-v" + from + "-v" + to + ".json";
	}

	private static boolean hasTag(ProcessDefinition definition) {
		return definition.getVersionTag() != null && !definition.getVersionTag().isBlank();
	}

	static MigrationInstructions read(String file) {
		try (InputStream in = new ClassPathResource(file).getInputStream()) {
			return parse(file, JSON.readTree(in));
		}
		catch (IOException ex) {
			return invalid(file, "it is not valid JSON");
		}
	}

	static MigrationInstructions parse(String file, JsonNode root) {
		if (root == null || !root.isObject()) {
			return invalid(file, "it must be a JSON object with \"instructions\"");
		}
		for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!List.of("about", "instructions", "variables").contains(name)) {
				return invalid(file, "\"" + name + "\" is not known (about, instructions, variables)");
			}
		}
		List<Instruction> instructions = new ArrayList<>();
		JsonNode list = root.path("instructions");
		if (!list.isMissingNode() && !list.isArray()) {
			return invalid(file, "\"instructions\" must be a list");
		}
		for (JsonNode item : list) {
			if (!item.path("from").isTextual() || !item.path("to").isTextual() || item.path("from").asText().isBlank()
					|| item.path("to").asText().isBlank()) {
				return invalid(file, "each instruction needs \"from\" and \"to\", the ids of two activities");
			}
			for (Iterator<String> names = item.fieldNames(); names.hasNext();) {
				String name = names.next();
				if (!List.of("from", "to", "updateEventTrigger").contains(name)) {
					return invalid(file,
							"\"" + name + "\" is not known in an instruction (from, to, updateEventTrigger)");
				}
			}
			if (instructions.stream().anyMatch(other -> other.from().equals(item.path("from").asText()))) {
				return invalid(file, "\"" + item.path("from").asText() + "\" is mapped twice");
			}
			instructions.add(new Instruction(item.path("from").asText(), item.path("to").asText(),
					item.path("updateEventTrigger").asBoolean(false)));
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		JsonNode values = root.path("variables");
		if (!values.isMissingNode() && !values.isObject()) {
			return invalid(file, "\"variables\" must be an object of names and values");
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode value = field.getValue();
			if (value.isTextual()) {
				variables.put(field.getKey(), value.asText());
			}
			else if (value.isBoolean()) {
				variables.put(field.getKey(), value.asBoolean());
			}
			else if (value.isIntegralNumber()) {
				variables.put(field.getKey(), value.asLong());
			}
			else if (value.isNumber()) {
				variables.put(field.getKey(), value.asDouble());
			}
			else {
				return invalid(file, "the variable \"" + field.getKey() + "\" must be a text, a number or true/false");
			}
		}
		return new MigrationInstructions(file, true,
				Optional.ofNullable(root.get("about")).map(JsonNode::asText).orElse(null), List.copyOf(instructions),
				variables, null);
	}

	private static MigrationInstructions invalid(String file, String problem) {
		return new MigrationInstructions(file, true, null, List.of(), Map.of(),
				"The file " + file + " cannot be used: " + problem + ".");
	}

}
