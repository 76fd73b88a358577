package city.ideatoservice.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The instruction file as a designer writes it: what it maps, and a wrong file named with
 * what is wrong in it (the page shows it, and nothing of that version moves).
 */
class MigrationInstructionsTest {

	static final String FILE = "processes/migrations/idea-screening-v1.2-v1.3.json";

	@Test
	void readsTheMappingsTheEventTriggersAndTheVariables() throws Exception {
		MigrationInstructions file = parse("""
				{"about": "Check became Screen",
				 "instructions": [{"from": "Task_Check", "to": "Task_Screen"},
				                  {"from": "Timer_A", "to": "Timer_B", "updateEventTrigger": true}],
				 "variables": {"reminderSent": false, "round": 1, "note": "moved"}}""");
		assertThat(file.problem()).isNull();
		assertThat(file.about()).isEqualTo("Check became Screen");
		assertThat(file.instructions()).containsExactly(
				new MigrationInstructions.Instruction("Task_Check", "Task_Screen", false),
				new MigrationInstructions.Instruction("Timer_A", "Timer_B", true));
		assertThat(file.variables()).isEqualTo(Map.of("reminderSent", false, "round", 1L, "note", "moved"));
	}

	@Test
	void aWrongFileIsNamedWithWhatIsWrong() throws Exception {
		assertThat(parse("{\"instruction\": []}").problem()).isEqualTo(
				"The file " + FILE + " cannot be used: \"instruction\" is not known (about, instructions, variables).");
		assertThat(parse("{\"instructions\": [{\"from\": \"Task_A\"}]}").problem())
			.contains("each instruction needs \"from\" and \"to\"");
		assertThat(parse("""
				{"instructions": [{"from": "Task_A", "to": "Task_B"}, {"from": "Task_A", "to": "Task_C"}]}""")
			.problem()).contains("\"Task_A\" is mapped twice");
		assertThat(parse("{\"variables\": {\"list\": [1, 2]}}").problem())
			.contains("the variable \"list\" must be a text, a number or true/false");
	}

	@Test
	void theFileIsNamedByVersionTagsOrNumbers() {
		assertThat(MigrationInstructions.fileName("idea-screening", "1.2", "1.3")).isEqualTo(FILE);
		assertThat(MigrationInstructions.fileName("prototype", "3", "4"))
			.isEqualTo("processes/migrations/prototype-v3-v4.json");
	}

	private static MigrationInstructions parse(String json) throws Exception {
		return MigrationInstructions.parse(FILE, new ObjectMapper().readTree(json));
	}

}
