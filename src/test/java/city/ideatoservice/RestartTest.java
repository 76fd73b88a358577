package city.ideatoservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps everything in an H2 file: stopping and starting the
 * application loses no idea, task or variable, and unchanged models create no new
 * version.
 */
// not @IdeaToServiceTest: it starts and stops the application itself, twice, on an H2
// file
class RestartTest {

	@TempDir
	Path dataDir;

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(IdeaToServiceApplication.class).run("--idea-to-service.data-dir=" + dataDir,
				"--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.admin-user.id=admin",
				"--camunda.bpm.admin-user.password=a-long-test-password");
	}

	@Test
	void stoppingAndStartingLosesNoIdeaTaskOrVariable() {
		String reference;
		String taskId;
		try (ConfigurableApplicationContext first = start()) {
			reference = first.getBean(IdeaSubmission.class)
				.submit(new IdeaService.NewIdea("Benches in the shade", "Benches under the trees of the main square",
						Theme.URBAN_PLANNING, Reach.DISTRICT, Channel.PORTAL, null, null, null))
				.idea()
				.reference();
			ProcessEngine engine = first.getBean(ProcessEngine.class);
			Task screening = engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.singleResult();
			engine.getFormService()
				.submitTaskForm(screening.getId(), Map.of("screeningDecision", "ACCEPT", "category", "URBAN_PLANNING",
						"priority", "LOW", "sponsorDepartment", "dept-urban-planning"));
			taskId = engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(reference)
				.singleResult()
				.getId();
		}

		try (ConfigurableApplicationContext second = start()) {
			ProcessEngine engine = second.getBean(ProcessEngine.class);
			Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult();
			assertThat(task.getId()).isEqualTo(taskId);
			assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AssignChampion");
			assertThat(engine.getTaskService().getVariables(taskId)).containsEntry("ideaTitle", "Benches in the shade")
				.containsEntry("sponsorDepartment", "dept-urban-planning")
				.containsEntry("priority", "LOW");
			assertThat(second.getBean(IdeaService.class).require(reference).status()).isEqualTo(PublicStatus.IN_REVIEW);
			assertThat(engine.getRepositoryService().createDeploymentQuery().count())
				.as("unchanged models, no new deployment")
				.isEqualTo(1);
			assertThat(engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey("idea-to-service")
				.latestVersion()
				.singleResult()
				.getVersion()).isEqualTo(1);
		}
	}

}
