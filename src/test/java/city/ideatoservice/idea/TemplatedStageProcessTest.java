package city.ideatoservice.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stage built in Modeler only from the element templates of
 * processes/element-templates, with a form of forms/ and no Java of its own
 * (src/test/resources/element-templates/templated-stage.bpmn): it runs through the real
 * beans the templates name, and the citizen reads what its fields say.
 */
@IdeaToServiceTest
class TemplatedStageProcessTest {

	static final String MODEL = "element-templates/templated-stage.bpmn";

	static final String TASK = "Task_RecommendAdoption";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaService ideas;

	@Autowired
	NotificationRepository notifications;

	@BeforeEach
	void deploy() {
		// its form is deployed with it, as the application deploys forms/ with processes/
		engine.getRepositoryService()
			.createDeployment()
			.name("templated-stage")
			.addClasspathResource(MODEL)
			.addClasspathResource("forms/recommend-adoption.form")
			.deploy();
	}

	ProcessInstance start(String reference) {
		return engine.getRuntimeService()
			.startProcessInstanceByKey("templated-stage", reference, Map.of(IdeaVariables.IDEA_REFERENCE, reference));
	}

	List<NotificationKind> citizenMails(String reference) {
		return notifications.findByIdeaIdOrderByCreatedAt(ideas.require(reference).id())
			.stream()
			.map(Notification::kind)
			.toList();
	}

	@Test
	void aRecommendedIdeaStaysInPilotAndTheCitizenReadsTheNote() {
		String reference = support.registerIdea("Benches along the river", Theme.URBAN_PLANNING, Reach.DISTRICT);
		ProcessInstance instance = start(reference);

		assertThat(support.status(reference)).isEqualTo(PublicStatus.PILOT);
		assertThat(instance).isWaitingAt(TASK);
		assertThat(engine.getTaskService().getIdentityLinksForTask(support.task(reference, TASK).getId()))
			.extracting(link -> link.getGroupId())
			.containsExactly("innovation-office");

		support.complete(reference, TASK, Map.of("adoptionRecommendation", "ADOPT", "implementingDepartments",
				JsonVariables.list(List.of("dept-mobility")), "yearlyRunningCost", 1200, "changesRegulation", "NO"));

		assertThat(instance).hasPassed("EndEvent_CitizenTold").isEnded();
		assertThat(support.status(reference)).isEqualTo(PublicStatus.PILOT);
		assertThat(support.lastReason(reference))
			.isEqualTo("The pilot went well: the departments will now decide on your idea.");
		assertThat(citizenMails(reference))
			.containsSubsequence(NotificationKind.STATUS_CHANGED, NotificationKind.SERVICE_NEWS)
			.endsWith(NotificationKind.SERVICE_NEWS);
	}

	@Test
	void aClosingStatusWithoutAReasonInTheModelTakesTheReasonOfTheForm() {
		String reference = support.registerIdea("Night market", Theme.CULTURE, Reach.CITY);
		ProcessInstance instance = start(reference);

		support.complete(reference, TASK,
				Map.of("adoptionRecommendation", "DO_NOT_ADOPT", "publicReason", "Nobody came to the pilot nights."));

		assertThat(instance).hasPassed("EndEvent_NotAdopted").isEnded();
		assertThat(support.status(reference)).isEqualTo(PublicStatus.NOT_ADOPTED);
		assertThat(support.lastReason(reference)).isEqualTo("Nobody came to the pilot nights.");
		assertThat(support.statusHistory(reference)).containsSubsequence(PublicStatus.PILOT, PublicStatus.NOT_ADOPTED);
	}

}
