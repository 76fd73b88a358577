package city.ideatoservice.identity;

import static city.ideatoservice.identity.DemoRest.form;
import static city.ideatoservice.identity.DemoRest.jsonValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import city.ideatoservice.identity.DemoRest.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 11's authorization matrix, through the real REST API as the demo users: for every
 * group a request that does its job succeeds, and the neighbouring job is refused (403).
 * And staff read the ideas they have a task in, not the others.
 */
// a context of its own, like SideDoorsTest: the REST API asks the engine that started
// last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:authorization-matrix-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500",
				"spring.mail.port=3027" })
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	DemoRest api;

	/** Task ids per group, of the demo's ideas and those the set-up takes further. */
	JsonNode screening;

	JsonNode stewardsAssessment;

	JsonNode privacyReview;

	JsonNode headsApproval;

	JsonNode financeReview;

	JsonNode budgetDecision;

	JsonNode itApproval;

	JsonNode legalApproval;

	JsonNode departmentApproval;

	JsonNode agendaItem;

	JsonNode announcement;

	@BeforeAll
	void takeTheDemoIdeasToEveryGroup() {
		api = new DemoRest(port, json);
		screening = api.anyTaskOf("inno", "screen-idea");
		itApproval = api.anyTaskOf("ivo", "approve-service");
		legalApproval = api.anyTaskOf("lex", "approve-service");
		departmentApproval = api.anyTaskOf("mobility", "approve-service");
		agendaItem = api.anyTaskOf("clerk", "prepare-agenda-item");

		// the library of things: its small funding approved, its datasets go to the
		// stewards; one with personal data goes on to the privacy office
		JsonNode smallFunding = api.anyTaskOf("inno", "approve-funding");
		assertThat(api
			.send("inno", HttpMethod.POST, "/task/{id}/submit-form", form("approvalDecision", "APPROVE"),
					smallFunding.path("id").asText())
			.status()).isEqualTo(204);
		JsonNode firstDataset = waitForTask("culture-steward", "assess-dataset");
		assertThat(api
			.send("culture-steward", HttpMethod.POST, "/task/{id}/submit-form",
					form("datasetAssessment", "CAN_OPEN", "containsPersonalData", "YES", "containsLocationData", "NO",
							"commerciallySensitive", "NO", "alreadyPublic", "NO"),
					firstDataset.path("id").asText())
			.status()).isEqualTo(204);
		privacyReview = waitForTask("priya", "review-personal-data");
		stewardsAssessment = waitForTask("culture-steward", "assess-dataset");

		String medium = api.asksForFunding("Matrix: reading corner", 20_000)[0];
		headsApproval = api.taskOf("culture-head", medium, "approve-funding");
		String large = api.asksForFunding("Matrix: music school", 70_000)[0];
		financeReview = api.taskOf("finn", large, "approve-funding");

		// the adopted free Wi-Fi: the mayor's directive, then communications announces
		JsonNode directives = api.anyTaskOf("mayor", "issue-directives");
		Answer issued = api.send("mayor", HttpMethod.POST, "/task/{id}/submit-form",
				form("directiveReference", "D-2026-1", "responsibleDepartments", jsonValue("[\"dept-culture\"]"),
						"directiveEffectiveDate", LocalDate.now().toString(), "amendedProcedure",
						"Library opening hours"),
				directives.path("id").asText());
		assertThat(issued.status()).as("%s", issued.body()).isEqualTo(204);
		announcement = waitForTask("cora", "announce-service");
	}

	JsonNode waitForTask(String user, String formKey) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> found[0] = api.anyTaskOf(user, formKey));
		return found[0];
	}

	int claim(String user, JsonNode task) {
		int status = api
			.send(user, HttpMethod.POST, "/task/{id}/claim", Map.of("userId", user), task.path("id").asText())
			.status();
		if (status == 204) {
			api.send(user, HttpMethod.POST, "/task/{id}/unclaim", null, task.path("id").asText());
		}
		return status;
	}

	/** A group's user, a task of their job, and a neighbour's task they must not take. */
	record Row(String group, String user, JsonNode own, JsonNode neighbours) {
	}

	List<Row> taskRows() {
		return List.of(new Row("innovation-office", "inno", screening, financeReview),
				new Row("finance", "finn", financeReview, screening),
				new Row("budget-committee", "budget", null, financeReview),
				new Row("legal", "lex", legalApproval, itApproval), new Row("it", "ivo", itApproval, legalApproval),
				new Row("privacy-office", "priya", privacyReview, stewardsAssessment),
				new Row("communications", "cora", announcement, screening),
				new Row("council-clerks", "clerk", agendaItem, screening),
				new Row("mayors-office", "mayor", null, agendaItem),
				new Row("dept-mobility", "mobility", departmentApproval, itApproval),
				new Row("data-stewards-culture", "culture-steward", stewardsAssessment, privacyReview),
				new Row("heads-culture", "culture-head", headsApproval, financeReview),
				new Row("process-designers", "desi", null, screening), new Row("operators", "olga", null, screening));
	}

	@Test
	void everyGroupTakesItsOwnTasksAndNotItsNeighbours() {
		List<String> wrong = new ArrayList<>();
		for (Row row : taskRows()) {
			if (row.own() != null && claim(row.user(), row.own()) != 204) {
				wrong.add(row.group() + " could not claim its own task");
			}
			int neighbour = claim(row.user(), row.neighbours());
			if (neighbour != 403) {
				wrong.add(row.group() + " claimed a neighbour's task: " + neighbour);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theBudgetCommitteeDecidesAfterFinanceAndTheMayorSignsDirectives() {
		// budget: after finance's review of the large request
		String large = api.asksForFunding("Matrix: concert hall", 55_000)[0];
		assertThat(claim("budget", api.taskOf("finn", large, "approve-funding"))).isEqualTo(403);
		api.submit("finn", large, "approve-funding", form("approvalDecision", "APPROVE"));
		budgetDecision = api.taskOf("budget", large, "approve-funding");
		assertThat(claim("budget", budgetDecision)).isEqualTo(204);
		assertThat(claim("finn", budgetDecision)).isEqualTo(403);
		// the mayor's office has no task left in the demo; it may not announce
		assertThat(claim("mayor", announcement)).isEqualTo(403);
	}

	@Test
	void staffReadTheIdeasTheyHaveATaskInAndNotTheOthers() {
		String privacyIdea = privacyReview.path("processInstanceId").asText();
		String screeningIdea = screening.path("processInstanceId").asText();
		// the privacy office reads the dataset's process and the idea that opened it
		assertThat(readVariables("priya", privacyIdea)).isEqualTo(200);
		assertThat(readVariables("priya", screeningIdea)).isEqualTo(403);
		assertThat(visibleInstances("priya", screeningIdea)).isZero();
		assertThat(historicInstances("priya", screeningIdea)).isZero();
		assertThat(visibleVariables("priya", screeningIdea)).isZero();
		JsonNode root = api.send("demo", HttpMethod.GET, "/process-instance?subProcessInstance={id}", null, privacyIdea)
			.body();
		while (root.size() == 1) {
			String caller = root.get(0).path("id").asText();
			assertThat(readVariables("priya", caller)).as("the idea above the privacy review").isEqualTo(200);
			assertThat(historicInstances("priya", caller)).isEqualTo(1);
			root = api.send("demo", HttpMethod.GET, "/process-instance?subProcessInstance={id}", null, caller).body();
		}
		// the task's card variables, as Tasklist reads them
		assertThat(api.variable("priya", privacyReview.path("id").asText(), "ideaReference").path("value").asText())
			.isNotEmpty();

		// IT and finance: not the idea waiting for screening either
		for (String user : List.of("ivo", "finn", "clerk", "mobility")) {
			assertThat(readVariables(user, screeningIdea)).as(user).isEqualTo(403);
			assertThat(historicInstances(user, screeningIdea)).as(user).isZero();
		}
		// the innovation office, which owns the pipeline, and Cockpit's groups read all
		for (String user : List.of("inno", "desi", "olga")) {
			assertThat(readVariables(user, privacyIdea)).as(user).isEqualTo(200);
			assertThat(historicInstances(user, privacyIdea)).as(user).isEqualTo(1);
		}
	}

	@Test
	void operatorsRetryJobsAndChangeNothingElse() {
		JsonNode jobs = api.send("olga", HttpMethod.GET, "/job?maxResults=1", null).body();
		assertThat(jobs.size()).as("the demo's jobs (e-mails, timers)").isPositive();
		String job = jobs.get(0).path("id").asText();
		assertThat(api.send("olga", HttpMethod.PUT, "/job/{id}/retries", Map.of("retries", 3), job).status())
			.isEqualTo(204);
		// a civil servant may not
		assertThat(api.send("inno", HttpMethod.PUT, "/job/{id}/retries", Map.of("retries", 3), job).status())
			.isEqualTo(403);
		String instance = screening.path("processInstanceId").asText();
		assertThat(api
			.send("olga", HttpMethod.PUT, "/process-instance/{id}/variables/ideaTitle", Map.of("value", "Renamed"),
					instance)
			.status()).isEqualTo(403);
		assertThat(api.send("olga", HttpMethod.DELETE, "/process-instance/{id}", null, instance).status())
			.isEqualTo(403);
		assertThat(api
			.send("olga", HttpMethod.POST, "/process-definition/key/idea-to-service/start",
					Map.of("variables", Map.of()))
			.status()).isEqualTo(403);
	}

	@Test
	void processDesignersReadAndPlanMigrationsButChangeNothing() {
		JsonNode definitions = api.send("desi", HttpMethod.GET, "/process-definition?key=idea-to-service", null).body();
		String id = definitions.get(0).path("id").asText();
		assertThat(api.send("desi", HttpMethod.GET, "/process-definition/{id}/xml", null, id).status()).isEqualTo(200);
		Answer plan = api.send("desi", HttpMethod.POST, "/migration/generate",
				Map.of("sourceProcessDefinitionId", id, "targetProcessDefinitionId", id));
		assertThat(plan.status()).as("%s", plan.body()).isEqualTo(200);
		assertThat(api
			.send("desi", HttpMethod.PUT, "/job/{id}/retries", Map.of("retries", 3),
					api.send("olga", HttpMethod.GET, "/job?maxResults=1", null).body().get(0).path("id").asText())
			.status()).isEqualTo(403);
		assertThat(api.send("desi", HttpMethod.PUT, "/process-definition/{id}/suspended", Map.of("suspended", true), id)
			.status()).isEqualTo(403);
		assertThat(api
			.send("desi", HttpMethod.DELETE, "/deployment/{id}", null, definitions.get(0).path("deploymentId").asText())
			.status()).isEqualTo(403);
	}

	@Test
	void theAdministratorManagesPeopleButDeploysNoModelOverHttp() {
		Answer created = api.send("demo", HttpMethod.POST, "/group/create",
				Map.of("id", "matrix-group", "name", "Matrix", "type", "WORKFLOW"));
		assertThat(created.status()).isEqualTo(204);
		assertThat(
				api.send("inno", HttpMethod.POST, "/group/create", Map.of("id", "inno-group", "name", "Inno")).status())
			.isEqualTo(403);
		Answer deployment = api.send("demo", HttpMethod.POST, "/deployment/create", Map.of());
		assertThat(deployment.status()).isEqualTo(403);
		assertThat(deployment.body().path("message").asText())
			.isEqualTo("Nobody may change deployments through the API; the models are deployed with the application.");
		// the administrator may start a process by hand; the innovation office uses
		// the start form, which checks its values
		assertThat(api
			.send("inno", HttpMethod.POST, "/process-definition/key/idea-to-service/start",
					Map.of("variables", Map.of()))
			.body()
			.path("message")
			.asText())
			.isEqualTo("Only an administrator may change how a process starts through the API; use the start form.");
	}

	int readVariables(String user, String instance) {
		return api.send(user, HttpMethod.GET, "/process-instance/{id}/variables", null, instance).status();
	}

	int visibleInstances(String user, String instance) {
		return api.send(user, HttpMethod.GET, "/process-instance/count?processInstanceIds={id}", null, instance)
			.body()
			.path("count")
			.asInt();
	}

	int historicInstances(String user, String instance) {
		return api.send(user, HttpMethod.GET, "/history/process-instance/count?processInstanceId={id}", null, instance)
			.body()
			.path("count")
			.asInt();
	}

	int visibleVariables(String user, String instance) {
		return api.send(user, HttpMethod.GET, "/variable-instance/count?processInstanceIdIn={id}", null, instance)
			.body()
			.path("count")
			.asInt();
	}

}
