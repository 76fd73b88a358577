package city.ideatoservice.codesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.opendata.DatasetRequest;
import city.ideatoservice.opendata.DatasetRequestRepository;
import city.ideatoservice.opendata.PublishedDataset;
import city.ideatoservice.opendata.PublishedDatasetRepository;
import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.PartnerKind;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.partner.PublicPartner;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.mockito.process.CallActivityMockForSpringContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The co-design steps of idea-to-service with the partnership and the data: partners
 * recorded at co-design (their contacts kept out of the process), datasets of the
 * catalogue named so that they count for the idea, and datasets opened early, during the
 * co-design. Forms submitted as Tasklist does (lists as Json); screening, prototype and
 * data opening are mocks (each is tested on its own).
 */
@IdeaToServiceTest
@MockedProcesses({ ProcessKeys.IDEA_SCREENING, ProcessKeys.PROTOTYPE, ProcessKeys.DATA_OPENING })
class CodesignPartnershipProcessTest {

	// milestones are due in the future (the form refuses a past day)
	static final String MILESTONE_DAY = java.time.LocalDate.now().plusDays(60).toString();

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	Partners partners;

	@Autowired
	PublishedDatasetRepository catalogue;

	@Autowired
	DatasetRequestRepository datasetRequests;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	IdeaService ideas;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(ProcessTestSupport.CHAMPION, "innovation-office");
		new CallActivityMockForSpringContext(ProcessKeys.IDEA_SCREENING, context).onExecutionDo(execution -> {
			execution.setVariable("screeningDecision", "ACCEPT");
			execution.setVariable("category", "MOBILITY");
			execution.setVariable("priority", "HIGH");
			execution.setVariable("sponsorDepartment", "dept-mobility");
		}).deploy(engine);
		new CallActivityMockForSpringContext(ProcessKeys.PROTOTYPE, context).onExecutionDo(execution -> {
		}).onExecutionWaitForMessage("PrototypeTestDone").deploy(engine);
		new CallActivityMockForSpringContext(ProcessKeys.DATA_OPENING, context).onExecutionDo(execution -> {
			execution.setVariable("datasetOutcome", "PUBLISHED");
			execution.setVariable("catalogueId", "early-" + UUID.randomUUID());
		}).deploy(engine);
	}

	static Map<String, Object> item(Object... keyValues) {
		Map<String, Object> item = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			item.put((String) keyValues[i], keyValues[i + 1]);
		}
		return item;
	}

	/** Screened by the mock, champion assigned: waiting at "Plan co-design session". */
	String ideaInCodesign() {
		String ref = support.submitIdea("Bike lanes", Theme.MOBILITY, Reach.CITY);
		support.complete(ref, "Task_AssignChampion",
				Map.of("champion", ProcessTestSupport.CHAMPION, "sponsorDepartment", "dept-mobility"));
		return ref;
	}

	Map<String, Object> plan() {
		return new LinkedHashMap<>(
				Map.of("sessionFormat", "WORKSHOP", "sessionDate", java.time.LocalDate.now().plusDays(7).toString(),
						"sessionPlace", "City hall", "sessionParticipants", "Cyclists, mobility department"));
	}

	Map<String, Object> viableOutcome() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("codesignOutcome", "VIABLE");
		form.put("objectives", "Safer cycling to school");
		form.put("milestones", JsonVariables.list(List.of(item("title", "Prototype", "dueDate", MILESTONE_DAY))));
		form.put("datasets", JsonVariables.list(List.of()));
		form.put("fundingSource", "EXISTING_INITIATIVE");
		form.put("fundedInitiative", "Safe routes to school");
		return form;
	}

	String catalogued(String title, String department) {
		String id = "catalogued-" + UUID.randomUUID().toString().substring(0, 8);
		catalogue.save(new PublishedDataset(id, null, title, "Already open.", department, "CC-BY-4.0", "CSV",
				"https://data.city.example/" + id, "MONTHLY", "", "opendata@city.example", Instant.now(), true));
		return id;
	}

	List<NotificationKind> mailsAbout(String ref) {
		return notifications.findByIdeaIdOrderByCreatedAt(ideas.require(ref).id())
			.stream()
			.map(Notification::kind)
			.toList();
	}

	@Test
	void theCoDesignRecordsItsPartnersAndTheDatasetsItTakesFromTheCatalogue() {
		String lights = catalogued("Traffic lights", "dept-mobility");
		String ref = ideaInCodesign();
		support.complete(ref, "Task_PlanCodesignSession", plan());
		Map<String, Object> form = viableOutcome();
		form.put("partners", JsonVariables.list(List.of(
				item("organisation", "University of the City", "kind", "UNIVERSITY", "role", "Measures the traffic",
						"contactPerson", "Uma Ulrich", "email", "uma@uni.example", "publicListing", true),
				item("organisation", "Cycling club", "kind", "CIVIC_GROUP", "role", "Tests the lanes", "contactPerson",
						"Carl Club", "email", "carl@club.example"))));
		form.put("catalogueDatasets", JsonVariables.list(List.of(lights)));

		support.complete(ref, "Task_RecordCodesignOutcome", form);

		assertThat(support.instance(ref)).isWaitingAt("CallActivity_BuildPrototype");
		assertThat(partners.current(ref)).extracting(Partner::organisation, Partner::kind, Partner::email)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("University of the City", PartnerKind.UNIVERSITY,
							"uma@uni.example"),
					org.assertj.core.groups.Tuple.tuple("Cycling club", PartnerKind.CIVIC_GROUP, "carl@club.example"));
		assertThat(partners.publicPartners(ref)).containsExactly(
				new PublicPartner("University of the City", PartnerKind.UNIVERSITY, "Measures the traffic"));
		assertThat(mailsAbout(ref)).filteredOn(NotificationKind::toPartner)
			.containsExactly(NotificationKind.PARTNER_JOINED, NotificationKind.PARTNER_JOINED);
		// the contacts are in the partner table only: neither in the process nor in its
		// history
		assertThat(engine.getRuntimeService().getVariables(support.instance(ref).getId()))
			.doesNotContainKey("partners");
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.variableName("partners")
			.includeDeleted()
			.list()).isEmpty();
		assertThat(datasetRequests.findByIdeaIdOrderByDecidedAt(ideas.require(ref).id()))
			.extracting(DatasetRequest::catalogueId, DatasetRequest::outcome, DatasetRequest::origin)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(lights, "PUBLISHED", "CATALOGUE"));
	}

	@Test
	void onlyDatasetsOfTheCatalogueCanBeNamedAndAPartnerNeedsAValidEmail() {
		String ref = ideaInCodesign();
		support.complete(ref, "Task_PlanCodesignSession", plan());
		Map<String, Object> unknownDataset = viableOutcome();
		unknownDataset.put("catalogueDatasets", JsonVariables.list(List.of("not-in-the-catalogue")));
		Map<String, Object> badEmail = viableOutcome();
		badEmail.put("partners", JsonVariables.list(List.of(item("organisation", "Hub", "kind", "INNOVATION_HUB",
				"role", "Builds the app", "contactPerson", "Hana", "email", "hana at hub"))));

		assertThatThrownBy(() -> support.complete(ref, "Task_RecordCodesignOutcome", unknownDataset))
			.hasMessageContaining(
					"'not-in-the-catalogue' is not one of the choices for Datasets already in the catalogue");
		assertThatThrownBy(() -> support.complete(ref, "Task_RecordCodesignOutcome", badEmail))
			.hasMessageContaining("Partners, entry 1: E-mail of the contact person must be a valid e-mail address.");
		assertThat(partners.current(ref)).isEmpty();
		assertThat(support.instance(ref)).isWaitingAt("Task_RecordCodesignOutcome");
	}

	@Test
	void datasetsTheCoDesignNeedsEarlyAreOpenedDuringTheCoDesignAndCountForTheIdea() {
		String ref = ideaInCodesign();
		Map<String, Object> form = plan();
		form.put("needsDataEarly", true);
		form.put("codesignDatasets",
				JsonVariables.list(List.of(
						item("title", "Bike counts", "ownerDepartment", "dept-mobility", "purpose",
								"Where cyclists ride"),
						item("title", "School locations", "ownerDepartment", "dept-urban-planning", "purpose",
								"Routes to school"))));

		support.complete(ref, "Task_PlanCodesignSession", form);

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordCodesignOutcome");
		assertThat(passed(ref)).contains("StartEvent_CodesignDataRequested", "CallActivity_OpenCodesignDataset",
				"EndEvent_CodesignDataOpened");
		assertThat(datasetRequests.findByIdeaIdOrderByDecidedAt(ideas.require(ref).id()))
			.extracting(DatasetRequest::title, DatasetRequest::ownerDepartment, DatasetRequest::outcome,
					DatasetRequest::origin)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("Bike counts", "dept-mobility", "PUBLISHED", "OPENED"),
					org.assertj.core.groups.Tuple.tuple("School locations", "dept-urban-planning", "PUBLISHED",
							"OPENED"));
		// the next plan starts without them
		assertThat(engine.getRuntimeService().getVariables(support.instance(ref).getId()))
			.doesNotContainKeys("codesignDatasets", "needsDataEarly");
	}

	@Test
	void withoutEarlyDataNothingIsOpenedDuringTheCoDesign() {
		String ref = ideaInCodesign();
		Map<String, Object> form = plan();
		form.put("needsDataEarly", false);

		support.complete(ref, "Task_PlanCodesignSession", form);

		assertThat(support.instance(ref)).isWaitingAt("Task_RecordCodesignOutcome");
		assertThat(passed(ref)).doesNotContain("StartEvent_CodesignDataRequested");
		assertThat(datasetRequests.findByIdeaIdOrderByDecidedAt(ideas.require(ref).id())).isEmpty();
	}

	List<String> passed(String ref) {
		return engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(support.instance(ref).getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

}
