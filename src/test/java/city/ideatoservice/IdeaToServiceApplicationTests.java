package city.ideatoservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.council.SessionFilters;
import city.ideatoservice.identity.TasklistFilters;
import city.ideatoservice.tasklist.TaskCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * The whole application on H2, as its users work it: a citizen submits an idea on the
 * portal API, and the demo users of each group complete their tasks over the engine's
 * REST API the way Tasklist does (submit-form, untyped primitives, lists as Json), until
 * the service is LIVE. The public status is checked after every step; the job executor
 * runs as in production.
 */
// its own context, not @IdeaToServiceTest: the demo profile's users and the job executor
// running as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:idea-to-service-application-test;DB_CLOSE_DELAY=-1",
				// pick up asynchronous continuations quickly, as a busy production node
				// does
				"camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500",
				"spring.mail.port=3026" })
@ActiveProfiles("demo")
class IdeaToServiceApplicationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3026, null, ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	FilterService filterService;

	@Autowired
	TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@Autowired
	TasklistFilters tasklistFilters;

	RestClient portal() {
		return RestClient.create("http://localhost:" + port);
	}

	RestClient as(String user) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port + "/engine-rest")
			.defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
			.build();
	}

	JsonNode track(String trackingCode) {
		return portal().get().uri("/api/ideas/tracking/{code}", trackingCode).retrieve().body(JsonNode.class);
	}

	void awaitStatus(String trackingCode, String status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(track(trackingCode).path("status").asText()).isEqualTo(status));
	}

	/**
	 * The user's one open task of this idea with this form, once the engine has created
	 * it.
	 */
	JsonNode taskOf(String user, String reference, String formKey) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode tasks = as(user).get()
				.uri("/task?processInstanceBusinessKey={ref}", reference)
				.retrieve()
				.body(JsonNode.class);
			found[0] = null;
			for (JsonNode task : tasks) {
				if (formKey.equals(task.path("camundaFormRef").path("key").asText())) {
					found[0] = task;
				}
			}
			assertThat(found[0]).as("task with form %s for %s", formKey, user).isNotNull();
		});
		return found[0];
	}

	/**
	 * Values as Tasklist submits a Camunda Form: primitives without a type, lists as Json
	 * strings.
	 */
	Map<String, Object> form(Object... keyValues) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			Object value = keyValues[i + 1];
			variables.put((String) keyValues[i], value instanceof List<?> list
					? Map.of("type", "Json", "value", json.writeValueAsString(list)) : Map.of("value", value));
		}
		return Map.of("variables", variables);
	}

	void submit(String user, String reference, String formKey, Map<String, Object> form) {
		JsonNode task = taskOf(user, reference, formKey);
		// the form Tasklist renders for this task, fetched as this user
		JsonNode deployedForm = as(user).get()
			.uri("/task/{id}/deployed-form", task.path("id").asText())
			.retrieve()
			.body(JsonNode.class);
		assertThat(deployedForm.path("id").asText()).isEqualTo(formKey);
		as(user).post()
			.uri("/task/{id}/submit-form", task.path("id").asText())
			.contentType(MediaType.APPLICATION_JSON)
			.body(form)
			.retrieve()
			.toBodilessEntity();
	}

	/** The status and body of an answer, whatever the status. */
	record Answer(int status, JsonNode body) {
	}

	Answer post(RestClient client, String uri, Map<String, Object> body, Object... uriVariables) {
		return client.post()
			.uri(uri, uriVariables)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> new Answer(response.getStatusCode().value(),
					json.readTree(response.getBody())));
	}

	static Map<String, Object> dataset(String title, String department) {
		return Map.of("title", title, "ownerDepartment", department, "purpose", "Route planner");
	}

	@Test
	void anIdeaGoesFromThePortalToALiveCityService() throws Exception {
		JsonNode submitted = portal().post()
			.uri("/api/ideas")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Night bus on demand", "description", "A bus you call with an app after midnight.",
					"theme", "MOBILITY", "reach", "CITY", "name", "Noa Night", "email", "noa@example.org",
					"privacyConsent", true))
			.retrieve()
			.body(JsonNode.class);
		String ref = submitted.path("reference").asText();
		String code = submitted.path("trackingCode").asText();
		assertThat(ref).matches("IDEA-\\d{4}-\\d{6}");
		awaitStatus(code, "IN_REVIEW");

		// screening and champion: the innovation office
		JsonNode screening = taskOf("inno", ref, "screen-idea");
		assertThat(screening.path("name").asText()).isEqualTo("Screen idea");
		HttpStatusCode clerkTry = as("clerk").post()
			.uri("/task/{id}/submit-form", screening.path("id").asText())
			.contentType(MediaType.APPLICATION_JSON)
			.body(form("screeningDecision", "REJECT", "publicReason", "no"))
			.exchange((request, response) -> response.getStatusCode());
		assertThat(clerkTry.is4xxClientError()).as("a council clerk cannot complete the innovation office's task")
			.isTrue();
		submit("inno", ref, "screen-idea", form("screeningDecision", "ACCEPT", "category", "MOBILITY", "priority",
				"HIGH", "sponsorDepartment", "dept-mobility"));
		submit("inno", ref, "assign-champion", form("champion", "champ", "sponsorDepartment", "dept-mobility"));
		awaitStatus(code, "CO_DESIGN");

		// co-design: the champion
		// the date as a person types it, day.month.year: kept as ISO, the same day
		LocalDate sessionDay = LocalDate.now().plusDays(7);
		String planned = taskOf("champ", ref, "plan-codesign-session").path("processInstanceId").asText();
		submit("champ", ref, "plan-codesign-session",
				form("sessionFormat", "LIVING_LAB", "sessionDate",
						sessionDay.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), "sessionPlace",
						"Bus depot", "sessionParticipants", "Night workers"));
		assertThat(historyService.createHistoricVariableInstanceQuery()
			.variableName("sessionDate")
			.processInstanceIdIn(planned)
			.singleResult()
			.getValue()).isEqualTo(sessionDay.toString());
		submit("champ", ref, "record-codesign-outcome", form("codesignOutcome", "VIABLE", "objectives",
				"500 rides a month", "milestones",
				List.of(Map.of("title", "App prototype", "dueDate", LocalDate.now().plusDays(60).toString())),
				"datasets",
				List.of(dataset("Bus stops", "dept-mobility"), dataset("Night lines", "dept-mobility"),
						dataset("Taxi ranks", "dept-mobility"), dataset("Street lighting", "dept-urban-planning"),
						dataset("Pedestrian zones", "dept-urban-planning")),
				"fundingSource", "NEW_FUNDING", "estimatedBudget", 4500, "partners",
				List.of(Map.of("organisation", "Night workers' union", "kind", "CIVIC_GROUP", "role",
						"Tests the app with its members", "contactPerson", "Nia Night", "email", "nia@union.example",
						"publicListing", true))));
		awaitStatus(code, "PROTOTYPING");

		// prototype: the innovation office funds it, the data stewards open the data, the
		// champion passes the checkpoint
		// 4,500 euros: the innovation office approves (DMN funding-approval), reserving
		// the money from the budget
		// what the innovation office decides on, as Tasklist reads it with the form
		JsonNode funding = taskOf("inno", ref, "approve-funding");
		String facts = as("inno").get()
			.uri("/task/{id}/form-variables", funding.path("id").asText())
			.retrieve()
			.body(JsonNode.class)
			.path("decisionFacts")
			.path("value")
			.asText();
		assertThat(facts)
			.contains("- App prototype: due "
					+ LocalDate.now().plusDays(60).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
			.contains("- Bus stops: owned by Mobility; needed for: Route planner")
			.containsPattern("- Left in the prototype budget of Mobility for \\d{4}: [0-9.]+,\\d\\d\u00a0€")
			.doesNotContain("Noa Night")
			.doesNotContain("noa@example.org")
			.doesNotContain("Nia Night");
		submit("inno", ref, "approve-funding", form("approvalDecision", "APPROVE"));
		for (String steward : List.of("mobility-steward", "mobility-steward", "mobility-steward",
				"urban-planning-steward", "urban-planning-steward")) {
			submit(steward, ref, "assess-dataset", form("datasetAssessment", "CAN_OPEN", "containsPersonalData", "NO",
					"containsLocationData", "NO", "commerciallySensitive", "NO", "alreadyPublic", "NO"));
			submit(steward, ref, "publish-dataset",
					form("catalogueTitle", "Night mobility data", "catalogueDescription", "Opened for the night bus",
							"datasetLicence", "CC-BY-4.0", "datasetFormat", "CSV", "datasetUrl",
							"https://data.city.example/night", "updateFrequency", "MONTHLY", "datasetKeywords",
							"night, bus", "contactPoint", "opendata@city.example"));
		}
		// assessed together: the one partner's view, in the entry the form listed
		submit("champ", ref, "review-milestone-checkpoint",
				form("checkpointDecision", "CONTINUE", "partnerViews", List.of(Map.of("opinion", "AGREE"))));
		// the public commitment after the co-design: a public fact, told to the citizen
		submit("cora", ref, "plan-public-commitment",
				form("commitmentMoment", "PRESS_CONFERENCE", "commitmentDate", LocalDate.now().plusDays(3).toString(),
						"politicalSponsorName", "Mara Yilmaz", "politicalSponsorOffice", "Mayor", "commitmentPromise",
						"A night bus on demand in every district by winter."));
		awaitStatus(code, "PILOT");
		assertThat(track(code).path("partners").findValuesAsText("organisation"))
			.containsExactly("Night workers' union");
		assertThat(track(code).path("commitments").findValuesAsText("promise"))
			.containsExactly("A night bus on demand in every district by winter.");
		JsonNode catalogue = portal().get().uri("/api/datasets/catalog.jsonld").retrieve().body(JsonNode.class);
		assertThat(catalogue.path("dcat:dataset").findValuesAsText("dct:title")).contains("Night mobility data");

		// pilot and recommendation
		submit("champ", ref, "record-pilot-results",
				form("pilotResults", "620 rides a month", "objectivesMet", "ALL", "pilotParticipants", 410));
		// a bus service for the whole city at 180,000 euros a year: the council decides
		// (adoption-route)
		submit("mobility-head", ref, "recommend-adoption",
				form("adoptionRecommendation", "ADOPT", "implementingDepartments", List.of("dept-mobility"),
						"yearlyRunningCost", 180000, "changesRegulation", "NO"));
		awaitStatus(code, "APPROVALS");

		// departmental approvals, in parallel
		for (String approver : List.of("mobility", "lex", "ivo", "finn")) {
			submit(approver, ref, "approve-service", form("approvalDecision", "APPROVE"));
		}
		awaitStatus(code, "COUNCIL");

		// council adoption: the clerk records the vote and the act
		// today's council session from the clerks' calendar (the demo plans one), or
		// planned now
		String sessions = "http://localhost:" + port + "/api/staff/council/sessions";
		JsonNode session = java.util.stream.StreamSupport
			.stream(as("clerk").get().uri(sessions).retrieve().body(JsonNode.class).spliterator(), false)
			.filter(s -> "COUNCIL".equals(s.path("body").asText())
					&& LocalDate.now().toString().equals(s.path("sessionDate").asText()))
			.findFirst()
			.orElseGet(() -> as("clerk").post()
				.uri(sessions)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("body", "COUNCIL", "date", LocalDate.now().toString(), "seats", 41))
				.retrieve()
				.body(JsonNode.class));
		String sessionId = session.path("id").asText();
		submit("clerk", ref, "prepare-agenda-item", form("draftActText", "The city runs a night bus on demand.",
				"committee", "MOBILITY_ENVIRONMENT", "councilSessionId", sessionId));
		submit("clerk", ref, "record-committee-review", form("committeeOpinion", "FAVOURABLE"));
		submit("clerk", ref, "record-council-vote",
				form("votesFor", 30, "votesAgainst", 8, "votesAbstain", 3, "councilVote", "ADOPTED"));
		awaitStatus(code, "ADOPTED");
		JsonNode agenda = as("clerk").get()
			.uri("http://localhost:" + port + "/api/staff/council/sessions/" + sessionId + "/agenda")
			.retrieve()
			.body(JsonNode.class);
		assertThat(agenda.findValuesAsText("ideaReference")).contains(ref);

		// go official, go public, launch
		submit("mayor", ref, "issue-directives",
				form("directiveReference", "DIR-2026-301", "responsibleDepartments", List.of("dept-mobility"),
						"directiveEffectiveDate", LocalDate.now().toString(), "amendedProcedure",
						"Public transport operations manual"));
		Answer noLink = post(as("cora"), "/task/{id}/submit-form",
				form("announcementType", "PRESS_CONFERENCE", "announcementDate", LocalDate.now().toString(),
						"announcementLink", "city.example/press/night-bus"),
				taskOf("cora", ref, "announce-service").path("id").asText());
		assertThat(noLink.status()).isEqualTo(400);
		assertThat(noLink.body().path("message").asText()).isEqualTo(
				"Link: give a web address starting with https:// (or http://), without spaces, e.g. https://www.city.example/service.");
		submit("cora", ref, "announce-service", form("announcementType", "PRESS_CONFERENCE", "announcementDate",
				LocalDate.now().toString(), "announcementLink", "https://city.example/press/night-bus"));
		submit("mobility", ref, "confirm-service-launch", form("servicePublicUrl", "https://city.example/night-bus",
				"serviceStartDate", LocalDate.now().toString()));
		awaitStatus(code, "LIVE");

		JsonNode register = portal().get().uri("/api/register").retrieve().body(JsonNode.class);
		JsonNode act = java.util.stream.StreamSupport.stream(register.spliterator(), false)
			.filter(entry -> ref.equals(entry.path("ideaReference").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(act.path("actNumber").asText()).matches("\\d{4}/\\d{4}");
		assertThat(act.path("actKind").asText()).isEqualTo("COUNCIL_ACT");
		assertThat(act.path("directiveReference").asText()).isEqualTo("DIR-2026-301");
		assertThat(portal().get().uri("/register").retrieve().body(String.class))
			.contains(act.path("actNumber").asText());

		List<String> history = track(code).path("history").findValuesAsText("status");
		assertThat(history).containsExactly("SUBMITTED", "IN_REVIEW", "CO_DESIGN", "PROTOTYPING", "PILOT", "APPROVALS",
				"COUNCIL", "ADOPTED", "LIVE");

		// the citizen heard of every step by e-mail: the acknowledgement with the code,
		// then each new status
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<String> subjects = new java.util.ArrayList<>();
			for (jakarta.mail.internet.MimeMessage mail : smtp.getReceivedMessages()) {
				if (GreenMailUtil.getAddressList(mail.getAllRecipients()).contains("noa@example.org")) {
					subjects.add(mail.getSubject());
				}
			}
			assertThat(subjects).hasSize(9).allSatisfy(subject -> assertThat(subject).contains(ref));
		});
	}

	@Test
	void theInnovationOfficeFindsIdeasToScreenWithTheirForms() {
		JsonNode tasks = as("inno").get().uri("/task?candidateGroup=innovation-office").retrieve().body(JsonNode.class);
		assertThat(tasks.findValuesAsText("name")).contains("Screen idea");
		for (JsonNode task : tasks) {
			assertThat(task.path("camundaFormRef").path("key").asText()).isNotBlank();
		}
		JsonNode filters = as("inno").get().uri("/filter").retrieve().body(JsonNode.class);
		assertThat(filters.findValuesAsText("name"))
			.contains("My tasks", "My group's tasks", "Overdue", "Ideas to screen")
			.doesNotContain("Council agenda");
		// the Tasklist opens the filter of the lowest priority: the user's work
		JsonNode first = java.util.stream.StreamSupport.stream(filters.spliterator(), false)
			.min(java.util.Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt()))
			.orElseThrow();
		assertThat(first.path("name").asText()).isEqualTo("My work");
		JsonNode work = as("inno").get()
			.uri("/filter/{id}/list", first.path("id").asText())
			.retrieve()
			.body(JsonNode.class);
		assertThat(work.findValuesAsText("name")).as("the group's tasks, not only the assigned ones")
			.contains("Screen idea");
		JsonNode clerkFilters = as("clerk").get().uri("/filter").retrieve().body(JsonNode.class);
		assertThat(clerkFilters.findValuesAsText("name")).contains("Council agenda").doesNotContain("Ideas to screen");
		String toScreen = java.util.stream.StreamSupport.stream(filters.spliterator(), false)
			.filter(filter -> "Ideas to screen".equals(filter.path("name").asText()))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asText();
		JsonNode listed = as("inno").get().uri("/filter/{id}/list", toScreen).retrieve().body(JsonNode.class);
		assertThat(listed.findValuesAsText("name")).isNotEmpty().containsOnly("Screen idea");
	}

	/**
	 * The cards of "My work" as Tasklist lists them: HAL, each task with the variables
	 * its filter names, by name.
	 */
	List<Map<String, String>> cards(String user) {
		JsonNode filters = as(user).get().uri("/filter").retrieve().body(JsonNode.class);
		JsonNode myWork = java.util.stream.StreamSupport.stream(filters.spliterator(), false)
			.filter(filter -> TasklistFilters.MY_WORK.equals(filter.path("name").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(myWork.path("properties").path("variables").findValuesAsText("name")).as("the subject first")
			.containsExactly("taskSubject", "ideaReference", "ideaTitle");
		JsonNode listed = as(user).post()
			.uri("/filter/{id}/list?firstResult=0&maxResults=15", myWork.path("id").asText())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.valueOf("application/hal+json"))
			.body(Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))))
			.retrieve()
			.body(JsonNode.class);
		List<Map<String, String>> cards = new java.util.ArrayList<>();
		for (JsonNode task : listed.path("_embedded").path("task")) {
			Map<String, String> card = new LinkedHashMap<>();
			card.put("task", task.path("name").asText());
			card.put("id", task.path("id").asText());
			card.put("priority", task.path("priority").asText());
			for (JsonNode variable : task.path("_embedded").path("variable")) {
				card.put(variable.path("name").asText(), variable.path("value").asText());
			}
			cards.add(card);
		}
		return cards;
	}

	@Test
	void twoTasksOfOneIdeaShowWhatTellsThemApartOnTheirCards() throws Exception {
		List<Map<String, String>> assessments = cards("culture-steward").stream()
			.filter(card -> "Assess dataset request".equals(card.get("task"))
					&& "Library of things".equals(card.get("ideaTitle")))
			.toList();
		assertThat(assessments).hasSize(2);
		assertThat(assessments).extracting(card -> card.get("ideaReference"))
			.doesNotContainNull()
			.containsOnly(assessments.get(0).get("ideaReference"));
		assertThat(assessments).extracting(card -> card.get("taskSubject"))
			.containsExactlyInAnyOrder("Library branches and opening hours", "Library loans per branch");
		assertThat(assessments).extracting(card -> card.get("priority")).as("on time").containsOnly("50");

		// the funding card: the department by its name and the amount in euros
		assertThat(cards("inno")).filteredOn(card -> "Approve small funding".equals(card.get("task")))
			.extracting(card -> card.get("taskSubject"))
			.contains("4,500 € · Culture");

		// what a card shows is the application's, never a task's to write
		Map<String, String> first = assessments.get(0);
		Answer written = post(as("culture-steward"), "/task/{id}/submit-form",
				form("datasetAssessment", "CAN_OPEN", "containsPersonalData", "NO", "containsLocationData", "NO",
						"commerciallySensitive", "NO", "alreadyPublic", "NO", "taskSubject", "Something else"),
				first.get("id"));
		assertThat(written.status()).isEqualTo(400);
		assertThat(written.body().path("message").asText()).contains("'taskSubject' is not a field of the form");
		assertThat(taskService.getVariableLocal(first.get("id"), "taskSubject")).isEqualTo(first.get("taskSubject"));
	}

	@Autowired
	TaskCards taskCards;

	@Autowired
	SessionFilters sessionFilters;

	@Test
	void anExistingDatabaseGetsTheNewCardsAtStart() {
		// as an earlier release left them: filters without the subject, tasks without one
		Map<String, Object> old = Map.of("variables", List.of(Map.of("name", "ideaReference", "label", "Idea")));
		Filter myWork = filterService.createFilterQuery().filterName(TasklistFilters.MY_WORK).singleResult();
		filterService.saveFilter(myWork.setProperties(old));
		List<Filter> sessions = filterService.createFilterQuery().filterNameLike("Council session %").list();
		assertThat(sessions).isNotEmpty();
		sessions.forEach(filter -> filterService.saveFilter(filter.setProperties(old)));
		Task assessment = taskService.createTaskQuery()
			.taskName("Assess dataset request")
			.processVariableValueEquals("ideaTitle", "Library of things")
			.list()
			.get(0);
		Object subject = taskService.getVariableLocal(assessment.getId(), TaskCards.SUBJECT);
		assertThat(subject).isNotNull();
		taskService.removeVariableLocal(assessment.getId(), TaskCards.SUBJECT);

		taskCards.onEngineReady(null);
		tasklistFilters.onEngineReady(null);
		sessionFilters.onEngineReady(null);

		assertThat(filterService.getFilter(myWork.getId()).getProperties().get("variables"))
			.isEqualTo(TaskCards.VARIABLES);
		assertThat(filterService.createFilterQuery().filterNameLike("Council session %").list())
			.allSatisfy(filter -> assertThat(filter.getProperties().get("variables")).isEqualTo(TaskCards.VARIABLES));
		assertThat(taskService.getVariableLocal(assessment.getId(), TaskCards.SUBJECT)).isEqualTo(subject);
	}

	@Test
	void theFilterOfIdeasToScreenFollowsTheScreeningIntoItsOwnModel() {
		// as an earlier release saved it, when "Screen idea" was a task of
		// idea-to-service
		Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.IDEAS_TO_SCREEN).singleResult();
		filterService.saveFilter(filter.setQuery(taskService.createTaskQuery()
			.processDefinitionKey("idea-to-service")
			.taskDefinitionKey("Task_ScreenIdea")
			.taskCandidateGroup("innovation-office")
			.includeAssignedTasks()));
		assertThat(filterService.count(filter.getId())).isZero();

		tasklistFilters.onEngineReady(null);

		assertThat(filterService.<Task>list(filter.getId())).isNotEmpty()
			.allSatisfy(task -> assertThat(task.getName()).isEqualTo("Screen idea"));
	}

	/**
	 * The form variables Tasklist reads for a task, as it reads them: Json values as
	 * strings.
	 */
	JsonNode formVariables(String user, JsonNode task) {
		return as(user).get()
			.uri("/task/{id}/form-variables?deserializeValues=false", task.path("id").asText())
			.retrieve()
			.body(JsonNode.class);
	}

	JsonNode demoTask(String user, String formKey) {
		JsonNode tasks = as(user).get().uri("/task?maxResults=200").retrieve().body(JsonNode.class);
		for (JsonNode task : tasks) {
			if (formKey.equals(task.path("camundaFormRef").path("key").asText())) {
				return task;
			}
		}
		throw new AssertionError("no demo task with form " + formKey + " for " + user);
	}

	@Test
	void aTaskFormGetsTheOrganisationsListsItNamesFromTheSettings() throws Exception {
		// screen-idea chooses the sponsor department ("valuesKey": "departmentOptions")
		JsonNode screening = formVariables("inno", demoTask("inno", "screen-idea"));
		assertThat(screening.path("departmentOptions").path("type").asText()).isEqualTo("Json");
		JsonNode departments = json.readTree(screening.path("departmentOptions").path("value").asText());
		assertThat(departments.findValuesAsText("value")).containsExactly("dept-mobility", "dept-environment",
				"dept-social-services", "dept-urban-planning", "dept-culture");
		assertThat(departments.findValuesAsText("label")).containsExactly("Mobility", "Environment", "Social services",
				"Urban planning", "Culture");
		assertThat(screening.has("committeeOptions")).as("only the lists the form names").isFalse();

		// prepare-agenda-item shows the sponsor department and chooses the committee
		JsonNode agendaItem = formVariables("clerk", demoTask("clerk", "prepare-agenda-item"));
		assertThat(agendaItem.has("departmentOptions")).isTrue();
		assertThat(json.readTree(agendaItem.path("committeeOptions").path("value").asText()).findValuesAsText("label"))
			.contains("Committee on Social Affairs and Culture");
	}

	@Test
	void theInnovationOfficeRecordsAWorkshopIdeaWithTheStartFormAndOthersCannot() throws Exception {
		Map<String, Object> startForm = form("ideaTitle", "Repair café in the library", "ideaDescription",
				"Monthly repair sessions", "ideaTheme", "CULTURE", "ideaReach", "DISTRICT", "ideaChannel", "WORKSHOP",
				"submitterName", "Ana Citizen", "submitterEmail", "ana@example.org");
		JsonNode form = as("inno").get()
			.uri("/process-definition/key/idea-to-service/deployed-start-form")
			.retrieve()
			.body(JsonNode.class);
		assertThat(form.path("id").asText()).isEqualTo("record-idea");

		JsonNode started = as("inno").post()
			.uri("/process-definition/key/idea-to-service/submit-form")
			.contentType(MediaType.APPLICATION_JSON)
			.body(startForm)
			.retrieve()
			.body(JsonNode.class);
		assertThat(started.path("businessKey").asText()).matches("IDEA-\\d{4}-\\d{6}");

		HttpStatusCode clerkTry = as("clerk").post()
			.uri("/process-definition/key/idea-to-service/submit-form")
			.contentType(MediaType.APPLICATION_JSON)
			.body(startForm)
			.exchange((request, response) -> response.getStatusCode());
		assertThat(clerkTry.value()).isEqualTo(403);

		Answer badTry = post(as("inno"), "/process-definition/key/idea-to-service/submit-form", form("ideaTitle",
				"No description", "ideaTheme", "CULTURE", "ideaReach", "DISTRICT", "ideaChannel", "WORKSHOP"));
		assertThat(badTry.status()).as("a start form without description is refused with 400").isEqualTo(400);
		assertThat(badTry.body().path("message").asText()).endsWith(": Description is required.");
	}

	/**
	 * The server checks a form against the deployed form as Tasklist submits it: a
	 * refusal is a 400 naming the field by its label (inside a dynamic list: the list,
	 * the entry and the field), and a hidden field's value is not kept.
	 */
	@Test
	void aFormIsCheckedAgainstItsDeployedFormAndHiddenFieldsAreNotKept() throws Exception {
		JsonNode submitted = portal().post()
			.uri("/api/ideas")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Repair café in the library", "description", "Monthly repair sessions.", "theme",
					"CULTURE", "reach", "DISTRICT"))
			.retrieve()
			.body(JsonNode.class);
		String ref = submitted.path("reference").asText();
		submit("inno", ref, "screen-idea", form("screeningDecision", "ACCEPT", "category", "CULTURE", "priority",
				"NORMAL", "sponsorDepartment", "dept-culture"));
		submit("inno", ref, "assign-champion", form("champion", "champ", "sponsorDepartment", "dept-culture"));
		submit("champ", ref, "plan-codesign-session",
				form("sessionFormat", "WORKSHOP", "sessionDate", LocalDate.now().plusDays(7).toString(), "sessionPlace",
						"Library", "sessionParticipants", "Neighbours"));
		JsonNode task = taskOf("champ", ref, "record-codesign-outcome");
		String due = LocalDate.now().plusDays(60).toString();

		Answer refused = post(as("champ"), "/task/{id}/submit-form",
				form("codesignOutcome", "VIABLE", "objectives", "Twelve sessions a year", "milestones",
						List.of(Map.of("title", "First café", "dueDate", due), Map.of("title", "Second café")),
						"datasets", List.of(), "fundingSource", "EXISTING_INITIATIVE", "fundedInitiative",
						"Library programme"),
				task.path("id").asText());
		assertThat(refused.status()).isEqualTo(400);
		// what to correct, not which task it was (the engine's prefix with the task id is
		// taken off, here as in the Tasklist)
		assertThat(refused.body().path("message").asText()).isEqualTo("Milestones, entry 2: Due date is required.");
		Answer tooMuch = post(as("champ"), "/task/{id}/submit-form",
				form("codesignOutcome", "VIABLE", "objectives", "Twelve sessions a year", "milestones",
						List.of(Map.of("title", "First café", "dueDate", due)), "datasets", List.of(), "fundingSource",
						"NEW_FUNDING", "estimatedBudget", 10_000_000.5),
				task.path("id").asText());
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.body().path("message").asText())
			.isEqualTo("Estimated prototype budget must be at most 10,000,000.");
		// typed values as Tasklist sends them: a milestone due after the planned pilot
		// start is refused, naming both days as day.month.year
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
		LocalDate pilot = LocalDate.now().plusDays(30);
		Answer afterThePilot = post(as("champ"), "/task/{id}/submit-form",
				form("codesignOutcome", "VIABLE", "objectives", "Twelve sessions a year", "milestones",
						List.of(Map.of("title", "First café", "dueDate", due)), "pilotStartDate", day.format(pilot),
						"datasets", List.of(), "fundingSource", "EXISTING_INITIATIVE", "fundedInitiative",
						"Library programme"),
				task.path("id").asText());
		assertThat(afterThePilot.status()).isEqualTo(400);
		assertThat(afterThePilot.body().path("message").asText()).isEqualTo(
				"Milestones: 'First café' is due on " + day.format(LocalDate.parse(due)) + ", but the pilot starts on "
						+ day.format(pilot) + "; a milestone must be due before the pilot starts.");

		// the reason for "no viable solution", typed before choosing "viable", is hidden:
		// not kept
		submit("champ", ref, "record-codesign-outcome",
				form("codesignOutcome", "VIABLE", "publicReason", "Typed before choosing the outcome", "objectives",
						"Twelve sessions a year", "milestones", List.of(Map.of("title", "First café", "dueDate", due)),
						"datasets", List.of(), "fundingSource", "EXISTING_INITIATIVE", "fundedInitiative",
						"Library programme"));
		JsonNode variables = as("demo").get()
			.uri("/process-instance/{id}/variables", task.path("processInstanceId").asText())
			.retrieve()
			.body(JsonNode.class);
		assertThat(variables.path("objectives").path("value").asText()).isEqualTo("Twelve sessions a year");
		assertThat(variables.has("publicReason")).as("a hidden field's value").isFalse();
	}

	@Test
	void theGroupsOfTheCityExistAfterStart() {
		JsonNode groups = as("demo").get().uri("/group?maxResults=100").retrieve().body(JsonNode.class);
		assertThat(groups.findValuesAsText("id")).contains("innovation-office", "finance", "budget-committee", "legal",
				"it", "privacy-office", "communications", "council-clerks", "mayors-office", "process-designers",
				"camunda-admin", "dept-mobility", "dept-environment", "dept-social-services", "dept-urban-planning",
				"dept-culture", "data-stewards-mobility", "heads-culture");
	}

}
