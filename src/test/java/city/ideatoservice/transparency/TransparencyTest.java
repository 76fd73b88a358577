package city.ideatoservice.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures, the checklist and the process export against a fixture of five ideas taken
 * through the engine as staff would (forms, tasks, the follow-up timer): one to a live
 * service ended after its first review, one rejected at screening, two in co-design (one
 * kept off the board by its author), one just submitted. The fixture plants what must
 * never be published (the citizen's name and e-mail, a staff login, an internal screening
 * comment, an internal funding reason, a checkpoint's internal notes, a partner's
 * contact) and every output is searched for it.
 */
@IdeaToServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyTest {

	static final String CITIZEN_NAME = "Zelda Plantwell";

	static final String CITIZEN_EMAIL = "zelda.plantwell@example.org";

	static final String STAFF_LOGIN = "screener-q7x";

	static final String SCREENING_COMMENT = "Internal screening comment: ask Q7 about the budget";

	static final String FUNDING_REASON = "INTERNAL-FUNDING-REASON the department owes us a favour";

	static final String CHECKPOINT_NOTES = "INTERNAL-CHECKPOINT-NOTE slow supplier";

	static final String PARTNER_CONTACT = "Pia Partnerperson";

	static final String PARTNER_EMAIL = "pia.partnerperson@example.org";

	static final List<String> NEVER_PUBLISHED = List.of(CITIZEN_NAME, CITIZEN_EMAIL, STAFF_LOGIN, SCREENING_COMMENT,
			FUNDING_REASON, CHECKPOINT_NOTES, PARTNER_CONTACT, PARTNER_EMAIL);

	static final String DEPARTMENT = "dept-environment";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaSubmission submission;

	@Autowired
	TaskService tasks;

	@Autowired
	org.camunda.bpm.engine.FormService forms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Figures figures;

	@Autowired
	ProcessExport export;

	boolean built;

	String live;

	String rejected;

	String codesign;

	String offBoard;

	String submitted;

	/**
	 * Built once for the class, in the first test (the coverage records runs per test).
	 */
	@BeforeEach
	void fixture() {
		if (built) {
			return;
		}
		support.ensureUser(STAFF_LOGIN, "innovation-office");
		support.ensureUser(ProcessTestSupport.CHAMPION, "innovation-office");
		live = submit("Shade sails over playgrounds", Theme.ENVIRONMENT, Reach.DISTRICT, true);
		toLiveAndRetired(live);
		rejected = submit("Fixture idea rejected", Theme.MOBILITY, Reach.CITY, true);
		support.complete(rejected, "Task_ScreenIdea", Map.of("screeningDecision", "REJECT", "category", "MOBILITY",
				"priority", "LOW", "publicReason", "The City already plans this."));
		codesign = submit("Fixture idea in co-design", Theme.SOCIAL, Reach.NEIGHBOURHOOD, true);
		accept(codesign);
		offBoard = submit("Fixture idea its author kept off the board", Theme.SOCIAL, Reach.NEIGHBOURHOOD, false);
		accept(offBoard);
		submitted = submit("Fixture idea just submitted", Theme.CULTURE, Reach.CITY, true);

		// Time cannot pass in a test: the status changes made above get days of their
		// own.
		// Days spent in each stage, per idea:
		// stage: live rejected codesign offBoard submitted
		// SUBMITTED 1 2 3 0.5 4
		// IN_REVIEW 2 4 6 1.5 (still there)
		// CO_DESIGN 10 - (still) (still) -
		// PROTOTYPING 30, PILOT 20, APPROVALS 5, ADOPTED 3, LIVE 100 (live only)
		spread(live,
				Map.of(PublicStatus.SUBMITTED, 1.0, PublicStatus.IN_REVIEW, 2.0, PublicStatus.CO_DESIGN, 10.0,
						PublicStatus.PROTOTYPING, 30.0, PublicStatus.PILOT, 20.0, PublicStatus.APPROVALS, 5.0,
						PublicStatus.ADOPTED, 3.0, PublicStatus.LIVE, 100.0));
		spread(rejected, Map.of(PublicStatus.SUBMITTED, 2.0, PublicStatus.IN_REVIEW, 4.0));
		spread(codesign, Map.of(PublicStatus.SUBMITTED, 3.0, PublicStatus.IN_REVIEW, 6.0));
		spread(offBoard, Map.of(PublicStatus.SUBMITTED, 0.5, PublicStatus.IN_REVIEW, 1.5));
		spread(submitted, Map.of(PublicStatus.SUBMITTED, 4.0));
		// a new day's export, from the fixture
		export.make();
		built = true;
	}

	String submit(String title, Theme theme, Reach reach, boolean publicBoard) {
		return submission
			.submit(new IdeaService.NewIdea(title, "What " + title + " is about.", theme, reach, Channel.PORTAL,
					CITIZEN_NAME, CITIZEN_EMAIL, null, "en", null, publicBoard, true))
			.idea()
			.reference();
	}

	void accept(String reference) {
		support.complete(reference, "Task_ScreenIdea", Map.of("screeningDecision", "ACCEPT", "category", "SOCIAL",
				"priority", "HIGH", "sponsorDepartment", "dept-social-services"));
		support.complete(reference, "Task_AssignChampion",
				Map.of("champion", "champ", "sponsorDepartment", "dept-social-services"));
	}

	/**
	 * The end-to-end test's path, on the mayor's route, then retired at the first review.
	 */
	void toLiveAndRetired(String ref) {
		Task screening = support.task(ref, "Task_ScreenIdea");
		tasks.setAssignee(screening.getId(), STAFF_LOGIN);
		tasks.createComment(screening.getId(), screening.getProcessInstanceId(), SCREENING_COMMENT);
		support.submitAs(STAFF_LOGIN, screening.getId(), Map.of("screeningDecision", "ACCEPT", "category",
				"ENVIRONMENT", "priority", "HIGH", "sponsorDepartment", DEPARTMENT));
		support.runJobs(ref);
		support.complete(ref, "Task_AssignChampion", Map.of("champion", "champ", "sponsorDepartment", DEPARTMENT));
		support.complete(ref, "Task_PlanCodesignSession",
				Map.of("sessionFormat", "LIVING_LAB", "sessionDate", LocalDate.now().plusDays(7).toString(),
						"sessionPlace", "Playground", "sessionParticipants", "Parents"));
		support.complete(ref, "Task_RecordCodesignOutcome",
				Map.of("codesignOutcome", "VIABLE", "objectives", "Shade on ten playgrounds", "milestones",
						List.of(Map.of("title", "First sail up", "dueDate", LocalDate.now().plusDays(60).toString())),
						"datasets",
						List.of(dataset("Playgrounds", DEPARTMENT), dataset("Trees in parks", DEPARTMENT),
								dataset("Sun hours", DEPARTMENT), dataset("Land use", "dept-urban-planning"),
								dataset("Bus stops near parks", "dept-mobility")),
						"fundingSource", "NEW_FUNDING", "estimatedBudget", 3000, "partners",
						List.of(Map.of("organisation", "Shade Lab University", "kind", "UNIVERSITY", "role",
								"Measures the shade", "contactPerson", PARTNER_CONTACT, "email", PARTNER_EMAIL,
								"publicListing", true))));
		support.complete(ref, "Task_ApproveAsInnovationOffice",
				Map.of("approvalDecision", "PARTIAL", "approvedAmount", 2500, "approvalReason", FUNDING_REASON));
		// the champion reads the reason, which is not public, and goes on with less
		support.complete(ref, "Task_ReviseRequest", Map.of("revisionDecision", "ACCEPT_PARTIAL"));
		completeEach(ref, "Task_AssessDataset", i -> Map.of("datasetAssessment", "CAN_OPEN", "containsPersonalData",
				"NO", "containsLocationData", "NO", "commerciallySensitive", "NO", "alreadyPublic", "NO"));
		completeEach(ref, "Task_PublishDataset",
				i -> Map.of("catalogueTitle", "Shade data " + i, "catalogueDescription", "Opened for shade sails",
						"datasetLicence", "CC-BY-4.0", "datasetFormat", "CSV", "datasetUrl",
						"https://data.city.example/shade-" + i, "updateFrequency", "MONTHLY", "datasetKeywords",
						"shade", "contactPoint", "opendata@city.example"));
		support.complete(ref, "Task_ReviewCheckpoint", Map.of("checkpointDecision", "CONTINUE", "checkpointNotes",
				CHECKPOINT_NOTES, "partnerViews", List.of(Map.of("opinion", "AGREE"))));
		support.complete(ref, "Task_PlanPublicCommitment",
				Map.of("commitmentMoment", "PRESS_CONFERENCE", "commitmentDate", LocalDate.now().plusDays(3).toString(),
						"politicalSponsorName", "Mara Yilmaz", "politicalSponsorOffice", "Mayor", "commitmentPromise",
						"Shade on ten playgrounds by summer."));
		support.complete(ref, "Task_RecordPilotResults",
				Map.of("pilotResults", "Cooler by 5 degrees", "objectivesMet", "ALL", "pilotParticipants", 120));
		support.complete(ref, "Task_RecommendAdoption", Map.of("adoptionRecommendation", "ADOPT",
				"implementingDepartments", List.of(DEPARTMENT), "yearlyRunningCost", 2000, "changesRegulation", "NO"));
		completeEach(ref, "Task_ApproveService", i -> Map.of("approvalDecision", "APPROVE"));
		support.complete(ref, "Task_SignMayoralDecree",
				Map.of("decreeText", "The city puts shade sails over ten playgrounds.", "decreeSigned", true));
		support.complete(ref, "Task_IssueDirectives",
				Map.of("directiveReference", "DIR-SHADE-1", "responsibleDepartments", List.of(DEPARTMENT),
						"directiveEffectiveDate", LocalDate.now().toString(), "amendedProcedure", "Parks manual"));
		support.complete(ref, "Task_AnnounceService", Map.of("announcementType", "PRESS_CONFERENCE", "announcementDate",
				LocalDate.now().toString(), "announcementLink", "https://city.example/press/shade"));
		support.complete(ref, "Task_ConfirmLaunch", Map.of("servicePublicUrl", "https://city.example/shade",
				"serviceStartDate", LocalDate.now().toString()));
		support.runTimers(support.instance(ref, "service-launch"), "Event_FollowUpDue");
		support.complete(ref, "Task_ReviewSustainability", Map.of("sustainabilityDecision", "RETIRE",
				"sustainabilityNotes", "Trees give shade now.", "publicReason", "The trees have grown: shade enough."));
	}

	/** Completes every open task of this kind (parallel ones, and those they lead to). */
	void completeEach(String ref, String key, java.util.function.IntFunction<Map<String, Object>> form) {
		for (int i = 0; !support.tasks(ref, key).isEmpty(); i++) {
			forms.submitTaskForm(support.tasks(ref, key).get(0).getId(), form.apply(i));
			support.runJobs(ref);
		}
	}

	static Map<String, Object> dataset(String title, String department) {
		return Map.of("title", title, "ownerDepartment", department, "purpose", "Shade planning");
	}

	/**
	 * Gives the idea's status changes times: each change starts a stage that lasts as
	 * many days as given for its status (a stage not given lasts one day).
	 */
	void spread(String reference, Map<PublicStatus, Double> days) {
		Instant at = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		List<Map<String, Object>> changes = jdbc
			.sql("select c.id, c.status from idea_status_change c join idea i on i.id = c.idea_id"
					+ " where i.reference = :reference order by c.changed_at, c.id")
			.param("reference", reference)
			.query()
			.listOfRows();
		for (Map<String, Object> change : changes) {
			jdbc.sql("update idea_status_change set changed_at = :at where id = :id")
				.param("at", Timestamp.from(at))
				.param("id", change.get("ID"))
				.update();
			double stage = days.getOrDefault(PublicStatus.valueOf((String) change.get("STATUS")), 1.0);
			at = at.plusSeconds(Math.round(stage * 86_400));
		}
	}

	@Test
	void theFixtureWentWhereItShould() {
		assertThat(support.statusHistory(live)).containsExactly(PublicStatus.SUBMITTED, PublicStatus.IN_REVIEW,
				PublicStatus.CO_DESIGN, PublicStatus.PROTOTYPING, PublicStatus.PILOT, PublicStatus.APPROVALS,
				PublicStatus.ADOPTED, PublicStatus.LIVE, PublicStatus.RETIRED);
		assertThat(support.statusHistory(rejected)).containsExactly(PublicStatus.SUBMITTED, PublicStatus.IN_REVIEW,
				PublicStatus.REJECTED);
		assertThat(support.statusHistory(codesign)).containsExactly(PublicStatus.SUBMITTED, PublicStatus.IN_REVIEW,
				PublicStatus.CO_DESIGN);
		assertThat(support.statusHistory(submitted)).containsExactly(PublicStatus.SUBMITTED, PublicStatus.IN_REVIEW);
	}

	@Test
	void theFiguresOfTheFixtureAreExact() {
		Figures.CityFigures counted = figures.of(List.of(live, rejected, codesign, offBoard, submitted));

		assertThat(counted.ideas()).isEqualTo(5);
		assertThat(counted.ideasByStatus()).filteredOn(c -> c.count() > 0)
			.containsExactly(new Figures.Count("IN_REVIEW", 1), new Figures.Count("CO_DESIGN", 2),
					new Figures.Count("REJECTED", 1), new Figures.Count("RETIRED", 1));
		assertThat(counted.ideasByTheme()).filteredOn(c -> c.count() > 0)
			.containsExactly(new Figures.Count("MOBILITY", 1), new Figures.Count("ENVIRONMENT", 1),
					new Figures.Count("SOCIAL", 2), new Figures.Count("CULTURE", 1));
		assertThat(counted.ideasByReach()).containsExactly(new Figures.Count("NEIGHBOURHOOD", 2),
				new Figures.Count("DISTRICT", 1), new Figures.Count("CITY", 2));
		// SUBMITTED, left by all five: 0.5, 1, 2, 3, 4 -> median the third, 2.0; p90 the
		// ceil(0.9 * 5) = 5th, 4.0.
		// IN_REVIEW, left by four (submitted is still there): 1.5, 2, 4, 6 -> median
		// (2 + 4) / 2 = 3.0; p90 the ceil(0.9 * 4) = 4th, 6.0.
		// CO_DESIGN, left by live only: 10 -> 10.0 and 10.0. The later stages likewise.
		assertThat(counted.daysPerStage()).contains(
				new Figures.StageDays(PublicStatus.SUBMITTED, 5, new BigDecimal("2.0"), new BigDecimal("4.0")),
				new Figures.StageDays(PublicStatus.IN_REVIEW, 4, new BigDecimal("3.0"), new BigDecimal("6.0")),
				new Figures.StageDays(PublicStatus.CO_DESIGN, 1, new BigDecimal("10.0"), new BigDecimal("10.0")),
				new Figures.StageDays(PublicStatus.PROTOTYPING, 1, new BigDecimal("30.0"), new BigDecimal("30.0")),
				new Figures.StageDays(PublicStatus.COUNCIL, 0, null, null));
		assertThat(counted.datasetsByDepartment()).containsExactly(new Figures.DepartmentCount(DEPARTMENT, 3),
				new Figures.DepartmentCount("dept-mobility", 1), new Figures.DepartmentCount("dept-urban-planning", 1));
		assertThat(counted.reachedLive()).isEqualTo(1);
		assertThat(counted.reachedRetired()).isEqualTo(1);
		assertThat(counted.fundingGranted())
			.containsExactly(new Figures.Granted(DEPARTMENT, LocalDate.now().getYear(), 250_000));
		// passed screening: live, codesign, offBoard; live met every item
		assertThat(counted.checklist()).allSatisfy(item -> {
			assertThat(item.ideas()).isEqualTo(3);
			assertThat(item.met()).as(item.item().name()).isEqualTo(1);
		});
	}

	@Test
	void theMedianAndPercentileAreTheUsualOnes() {
		assertThat(Figures.median(List.of())).isNull();
		assertThat(Figures.median(List.of(7.0))).isEqualTo(7.0);
		assertThat(Figures.median(List.of(1.0, 2.0, 10.0, 11.0))).isEqualTo(6.0);
		List<Double> tenValues = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
		assertThat(Figures.percentile(tenValues, 90)).isEqualTo(9.0);
		assertThat(Figures.percentile(List.of(1.0, 2.0), 90)).isEqualTo(2.0);
	}

	@Test
	void theCityFiguresCountTheFixtureAsTheApiAndCsvShowThem() throws Exception {
		JsonNode api = json.readTree(body("/api/figures"));
		Figures.CityFigures city = figures.city();
		assertThat(api.path("ideas").asLong()).isEqualTo(city.ideas()).isGreaterThanOrEqualTo(5);
		assertThat(api.path("reachedRetired").asLong()).isGreaterThanOrEqualTo(1);
		List<CSVRecord> rows = csv(body("/api/figures.csv"));
		assertThat(rows.get(0).toList()).containsExactly("figure", "category", "year", "value");
		assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("ideas_reached", "RETIRED", "",
				Long.toString(city.reachedRetired())));
		assertThat(rows)
			.anySatisfy(row -> assertThat(row.toList()).containsExactly("ideas", "", "", Long.toString(city.ideas())));
	}

	@Test
	void theFiguresPageShowsChartsAndTablesInBothLanguages() throws Exception {
		String english = body("/figures");
		assertThat(english).contains("<h1>The City’s record in figures</h1>")
			.contains("<svg class=\"chart\" role=\"img\"")
			.contains("<title id=\"by-status-chart\">Ideas by status: a bar chart")
			.contains("<th scope=\"row\">Service ended</th>")
			.contains("Opened up at least five datasets from different departments");
		String german = new String(mvc.perform(get("/figures").header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(german).contains("Die Bilanz der Stadt in Zahlen").contains("Ideen nach Status");
	}

	@Test
	void theIdeaPageShowsTheChecklistWithDatesAndEvidenceThatResolves() throws Exception {
		String page = body("/ideas/" + live);
		String checklist = page.substring(page.indexOf("<ul class=\"checklist\">"));
		checklist = checklist.substring(0, checklist.indexOf("</ul>"));
		assertThat(checklist)
			.contains("Opened up at least five datasets from different departments to support the"
					+ " co-design process?")
			.contains("Issued the necessary directives to incorporate the new service in the city&#39;s standard"
					+ " procedures?");
		assertThat(count(checklist, "✓ Done")).isEqualTo(6);
		assertThat(checklist).doesNotContain("Not yet")
			.contains("<time datetime=\"" + LocalDate.now() + "\">")
			.contains("<time datetime=\"" + LocalDate.now().plusDays(3) + "\">");
		Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(checklist);
		List<String> hrefs = new ArrayList<>();
		while (links.find()) {
			hrefs.add(links.group(1));
		}
		// five datasets, the department, the directive, the commitment, the partners, the
		// review
		assertThat(hrefs).hasSize(10).anyMatch(href -> href.startsWith("/register#act-"));
		for (String href : hrefs) {
			String path = href.substring(0, href.indexOf('#'));
			String anchor = href.substring(href.indexOf('#') + 1);
			assertThat(body(path)).as(href).contains("id=\"" + anchor + "\"");
		}
		assertThat(body("/ideas/" + codesign)).contains("○ Not yet").doesNotContain("✓ Done");
	}

	@Test
	void theExportIsMadeOnceADayAndParses() throws Exception {
		ProcessExport.Export today = export.current();
		assertThat(export.current()).isSameAs(today);
		JsonNode document = json.readTree(body("/api/open-data/process.json"));
		List<String> exported = document.path("ideas").findValuesAsText("reference");
		// on the board and past screening only
		assertThat(exported).contains(live, codesign).doesNotContain(rejected, offBoard, submitted);
		JsonNode idea = null;
		for (JsonNode node : document.path("ideas")) {
			if (node.path("reference").asText().equals(live)) {
				idea = node;
			}
		}
		assertThat(idea.path("statuses").findValuesAsText("status")).containsExactly("SUBMITTED", "IN_REVIEW",
				"CO_DESIGN", "PROTOTYPING", "PILOT", "APPROVALS", "ADOPTED", "LIVE", "RETIRED");
		assertThat(idea.path("statuses").findValuesAsText("publicReason"))
			.contains("The trees have grown: shade enough.");
		assertThat(idea.path("acts")).hasSize(1);
		assertThat(idea.path("datasets").findValuesAsText("title")).hasSize(5);

		List<CSVRecord> decisions = csv(body("/api/open-data/decisions.csv"));
		assertThat(decisions.get(0).toList()).containsExactly("reference", "stage", "outcome", "date",
				"deciding_group");
		List<String> ofLive = decisions.stream()
			.filter(row -> row.get(0).equals(live))
			.map(row -> row.get(1) + " " + row.get(2) + " " + row.get(4))
			.toList();
		assertThat(ofLive).containsExactlyInAnyOrder("SCREENING ACCEPTED innovation-office",
				"FUNDING PARTIAL innovation-office", "APPROVAL APPROVE dept-environment", "APPROVAL APPROVE legal",
				"APPROVAL APPROVE it", "APPROVAL APPROVE finance", "MAYORAL_DECREE ADOPTED mayors-office");
		List<CSVRecord> ideas = csv(body("/api/open-data/ideas.csv"));
		assertThat(ideas).anySatisfy(row -> {
			assertThat(row.get(0)).isEqualTo(live);
			assertThat(row.get(1)).isEqualTo("Shade sails over playgrounds");
			assertThat(row.get(4)).isEqualTo("RETIRED");
		});
		List<CSVRecord> statuses = csv(body("/api/open-data/statuses.csv"));
		assertThat(statuses).filteredOn(row -> row.get(0).equals(live)).hasSize(9);

		// a change today waits for tomorrow's export (or the daily job)
		support.complete(codesign, "Task_PlanCodesignSession", Map.of("sessionFormat", "WORKSHOP", "sessionDate",
				LocalDate.now().plusDays(5).toString(), "sessionPlace", "Hall", "sessionParticipants", "Neighbours"));
		jdbc.sql("update idea set title = 'Fixture idea renamed' where reference = :r").param("r", codesign).update();
		assertThat(body("/api/open-data/ideas.csv")).doesNotContain("Fixture idea renamed");
		export.make();
		assertThat(body("/api/open-data/ideas.csv")).contains("Fixture idea renamed");
	}

	@Test
	void theExportIsListedInTheCatalogueWithAnOpenLicenceAndEveryDistributionResolves() throws Exception {
		JsonNode catalogue = json.readTree(body("/api/datasets/catalog.jsonld"));
		JsonNode listed = null;
		for (JsonNode dataset : catalogue.path("dcat:dataset")) {
			if ("idea-to-service-process".equals(dataset.path("dct:identifier").asText())) {
				listed = dataset;
			}
		}
		assertThat(listed).as("the process export in the catalogue").isNotNull();
		assertThat(listed.path("dcat:distribution")).hasSize(4);
		for (JsonNode distribution : listed.path("dcat:distribution")) {
			assertThat(distribution.path("dct:license").path("@id").asText())
				.isEqualTo("https://creativecommons.org/licenses/by/4.0/");
			String url = distribution.path("dcat:downloadURL").path("@id").asText();
			mvc.perform(get(url.substring(url.indexOf("/api/")))).andExpect(status().isOk());
		}
		assertThat(listed.path("dcat:distribution").findValuesAsText("@id")).contains(
				"http://publications.europa.eu/resource/authority/file-type/CSV",
				"http://publications.europa.eu/resource/authority/file-type/JSON");
		mvc.perform(get("/api/datasets/idea-to-service-process")).andExpect(status().isOk());
	}

	@Test
	void noOutputNamesAPersonOrAnInternalComment() throws Exception {
		// what the fixture planted is really stored (else the search proves nothing)
		assertThat(jdbc.sql("select count(*) from citizen where email = :e")
			.param("e", CITIZEN_EMAIL)
			.query(Long.class)
			.single()).isPositive();
		assertThat(jdbc.sql("select count(*) from funding_decision where reason = :r")
			.param("r", FUNDING_REASON)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from partner where contact_person = :p")
			.param("p", PARTNER_CONTACT)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from act_hi_comment where message_ = :m")
			.param("m", SCREENING_COMMENT)
			.query(Long.class)
			.single()).isEqualTo(1);

		for (String path : List.of("/figures", "/ideas/" + live, "/api/figures", "/api/figures.csv",
				"/api/open-data/process.json", "/api/open-data/ideas.csv", "/api/open-data/statuses.csv",
				"/api/open-data/decisions.csv", "/api/datasets/catalog.jsonld", "/api/ideas/" + live)) {
			String output = body(path);
			for (String secret : NEVER_PUBLISHED) {
				assertThat(output).as("%s names %s", path, secret).doesNotContainIgnoringCase(secret);
			}
		}
		assertThat(body("/api/open-data/process.json")).doesNotContain("Fixture idea its author kept off the board");
	}

	String body(String path) throws Exception {
		return new String(
				mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
				StandardCharsets.UTF_8);
	}

	static List<CSVRecord> csv(String text) throws Exception {
		return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
	}

	static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
