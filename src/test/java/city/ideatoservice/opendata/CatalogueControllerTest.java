package city.ideatoservice.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The open-data catalogue as the public and a harvester read it, without logging in: JSON
 * pages of the published datasets, one dataset and the whole catalogue as DCAT-AP
 * JSON-LD, the latter expanded by a JSON-LD processor (titanium) that is not allowed to
 * load anything remote. Full application; each test starts with its own three datasets in
 * the catalogue.
 */
@IdeaToServiceTest
class CatalogueControllerTest {

	static final String DCAT = "http://www.w3.org/ns/dcat#";

	static final String DCT = "http://purl.org/dc/terms/";

	static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";

	static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	static final String BASE = "https://ideas.city.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PublishedDatasetRepository catalogue;

	@Autowired
	ProcessEngine engine;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	PublishedDataset parking;

	PublishedDataset trees;

	PublishedDataset events;

	@BeforeEach
	void setUp() {
		catalogue.deleteAll();
		parking = new PublishedDataset("mobility-parking-occupancy-a1b2c3", "IDEA-2026-0001", "Parking occupancy",
				"Free spaces per car park, every five minutes.", "dept-mobility", "CC-BY-4.0", "CSV",
				"https://opendata.city.example/parking.csv", "WEEKLY", "parking,cars,mobility",
				"mobility-data@city.example", now.minus(3, ChronoUnit.DAYS), true);
		trees = new PublishedDataset("environment-street-trees-d4e5f6", "IDEA-2026-0002", "Street trees",
				"Every street tree with its species and planting year.", "dept-environment", "CC0-1.0", "GEOJSON",
				"https://opendata.city.example/trees.geojson", "IRREGULAR", "trees", "green@city.example",
				now.minus(2, ChronoUnit.DAYS), true);
		events = new PublishedDataset("culture-events-0a1b2c", "IDEA-2026-0003", "Cultural events",
				"What is on in the city's venues.", "dept-culture", "ODbL-1.0", "API",
				"https://api.city.example/events", "ANNUAL", "", "culture@city.example", now.minus(1, ChronoUnit.DAYS),
				true);
		catalogue.saveAll(List.of(trees, events, parking));
	}

	JsonNode getJson(String uri) throws Exception {
		MvcResult result = mvc.perform(get(uri).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	/**
	 * Expands JSON-LD as a harvester does; any attempt to load a remote document fails
	 * the expansion.
	 */
	static JsonArray expand(String body) throws JsonLdError {
		return JsonLd.expand(JsonDocument.of(new StringReader(body))).loader((url, options) -> {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "remote document requested: " + url);
		}).get();
	}

	static List<String> ids(JsonObject node, String property) {
		return node.getJsonArray(property).stream().map(v -> v.asJsonObject().getString("@id")).toList();
	}

	static List<String> values(JsonObject node, String property) {
		if (!node.containsKey(property)) {
			return List.of();
		}
		return node.getJsonArray(property)
			.stream()
			.map(v -> v.asJsonObject().get("@value"))
			.map(CatalogueControllerTest::text)
			.toList();
	}

	static String text(JsonValue value) {
		return value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString()
				: value.toString();
	}

	static List<String> types(JsonObject node) {
		return node.getJsonArray("@type")
			.getValuesAs(jakarta.json.JsonString.class)
			.stream()
			.map(s -> s.getString())
			.toList();
	}

	// ---------------------------------------------------------------- JSON pages

	@Test
	void thePublishedDatasetsArePublicAsPages() throws Exception {
		JsonNode page = getJson("/api/datasets");

		assertThat(fieldNames(page)).containsExactlyInAnyOrder("content", "page");
		assertThat(page.at("/page/size").asInt()).isEqualTo(20);
		assertThat(page.at("/page/number").asInt()).isZero();
		assertThat(page.at("/page/totalElements").asLong()).isEqualTo(3);
		assertThat(page.at("/page/totalPages").asInt()).isEqualTo(1);
		JsonNode content = page.get("content");
		assertThat(content).hasSize(3);
		// oldest first
		assertThat(content.findValuesAsText("catalogueId")).containsExactly(parking.catalogueId(), trees.catalogueId(),
				events.catalogueId());

		JsonNode first = content.get(0);
		assertThat(fieldNames(first)).containsExactlyInAnyOrder("catalogueId", "ideaReference", "title", "description",
				"publisherDepartment", "licence", "format", "accessUrl", "updateFrequency", "keywords", "contactPoint",
				"issuedAt");
		assertThat(first.get("ideaReference").asText()).isEqualTo("IDEA-2026-0001");
		assertThat(first.get("title").asText()).isEqualTo("Parking occupancy");
		assertThat(first.get("description").asText()).isEqualTo("Free spaces per car park, every five minutes.");
		assertThat(first.get("publisherDepartment").asText()).isEqualTo("dept-mobility");
		assertThat(first.get("licence").asText()).isEqualTo("CC-BY-4.0");
		assertThat(first.get("format").asText()).isEqualTo("CSV");
		assertThat(first.get("accessUrl").asText()).isEqualTo("https://opendata.city.example/parking.csv");
		assertThat(first.get("updateFrequency").asText()).isEqualTo("WEEKLY");
		assertThat(first.get("keywords").asText()).isEqualTo("parking,cars,mobility");
		assertThat(first.get("contactPoint").asText()).isEqualTo("mobility-data@city.example");
		assertThat(Instant.parse(first.get("issuedAt").asText())).isEqualTo(parking.issuedAt());
		for (JsonNode dataset : content) {
			assertThat(fieldNames(dataset)).doesNotContain("isNew", "new", "id");
		}
	}

	@Test
	void pagesAreCutToTheRequestedSize() throws Exception {
		JsonNode page = getJson("/api/datasets?page=1&size=2");

		assertThat(page.get("content").findValuesAsText("catalogueId")).containsExactly(events.catalogueId());
		assertThat(page.at("/page/size").asInt()).isEqualTo(2);
		assertThat(page.at("/page/number").asInt()).isEqualTo(1);
		assertThat(page.at("/page/totalElements").asLong()).isEqualTo(3);
		assertThat(page.at("/page/totalPages").asInt()).isEqualTo(2);

		assertThat(getJson("/api/datasets?page=5&size=100").get("content")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "page=-1", "size=101", "size=0", "size=-5", "size=1000000", "page=abc", "size=ten" })
	void anOutOfRangePageIsRefused(String query) throws Exception {
		mvc.perform(get("/api/datasets?" + query).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest());
	}

	// ---------------------------------------------------------------- one dataset

	@Test
	void oneDatasetIsJsonLd() throws Exception {
		MvcResult result = mvc.perform(get("/api/datasets/" + trees.catalogueId()))
			.andExpect(status().isOk())
			.andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode raw = json.readTree(body);
		assertThat(raw.get("@context").isObject()).as("inline @context").isTrue();
		assertThat(fieldNames(raw)).doesNotContain("isNew", "new", "id");

		JsonArray expanded = expand(body);

		assertThat(expanded).hasSize(1);
		JsonObject dataset = expanded.getJsonObject(0);
		assertThat(dataset.getString("@id")).isEqualTo(BASE + "/api/datasets/" + trees.catalogueId());
		assertThat(types(dataset)).containsExactly(DCAT + "Dataset");
		assertThat(values(dataset, DCT + "identifier")).containsExactly(trees.catalogueId());
		assertThat(values(dataset, DCT + "title")).containsExactly("Street trees");
		assertThat(ids(dataset, DCT + "accrualPeriodicity")).containsExactly(FREQUENCY + "IRREG");
		JsonObject distribution = dataset.getJsonArray(DCAT + "distribution").getJsonObject(0);
		assertThat(ids(distribution, DCAT + "accessURL"))
			.containsExactly("https://opendata.city.example/trees.geojson");
		assertThat(ids(distribution, DCT + "license"))
			.containsExactly("https://creativecommons.org/publicdomain/zero/1.0/");
		assertThat(ids(distribution, DCT + "format")).containsExactly(FILE_TYPE + "GEOJSON");
	}

	@Test
	void anUnknownDatasetIsNotFound() throws Exception {
		mvc.perform(get("/api/datasets/mobility-nothing-000000").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
	}

	// ---------------------------------------------------------------- the DCAT-AP
	// catalogue

	String catalogueBody() throws Exception {
		MvcResult result = mvc.perform(get("/api/datasets/catalog.jsonld"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/ld+json"))
			.andReturn();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	JsonObject expandedCatalogue() throws Exception {
		JsonArray expanded = expand(catalogueBody());
		List<JsonObject> catalogues = expanded.stream()
			.map(JsonValue::asJsonObject)
			.filter(node -> node.containsKey("@type") && types(node).contains(DCAT + "Catalog"))
			.toList();
		assertThat(catalogues).as("dcat:Catalog nodes").hasSize(1);
		return catalogues.get(0);
	}

	Map<String, JsonObject> datasetsOf(JsonObject catalog) {
		Map<String, JsonObject> datasets = new HashMap<>();
		if (!catalog.containsKey(DCAT + "dataset")) {
			return datasets;
		}
		for (JsonValue value : catalog.getJsonArray(DCAT + "dataset")) {
			JsonObject dataset = value.asJsonObject();
			assertThat(types(dataset)).containsExactly(DCAT + "Dataset");
			// the application's own export of the process is always listed
			// (transparency.TransparencyTest)
			if (!"idea-to-service-process".equals(values(dataset, DCT + "identifier").get(0))) {
				datasets.put(values(dataset, DCT + "identifier").get(0), dataset);
			}
		}
		return datasets;
	}

	@Test
	void theCatalogueIsDcatApJsonLdWithAnInlineContext() throws Exception {
		String body = catalogueBody();
		JsonNode raw = json.readTree(body);
		assertThat(raw.get("@context").isObject()).as("inline @context, nothing to load").isTrue();

		JsonObject catalog = expandedCatalogue();

		assertThat(catalog.getString("@id")).isEqualTo(BASE + "/api/datasets/catalog.jsonld");
		assertThat(values(catalog, DCT + "title")).hasSize(1);
		assertThat(catalog.getJsonArray(DCT + "publisher")).hasSize(1);
		Map<String, JsonObject> datasets = datasetsOf(catalog);
		assertThat(datasets).containsOnlyKeys(parking.catalogueId(), trees.catalogueId(), events.catalogueId());

		JsonObject first = datasets.get(parking.catalogueId());
		assertThat(first.getString("@id")).isEqualTo(BASE + "/api/datasets/" + parking.catalogueId());
		assertThat(values(first, DCT + "title")).containsExactly("Parking occupancy");
		assertThat(values(first, DCT + "description")).containsExactly("Free spaces per car park, every five minutes.");
		assertThat(values(first, DCAT + "keyword")).containsExactlyInAnyOrder("parking", "cars", "mobility");
		assertThat(ids(first, DCT + "accrualPeriodicity")).containsExactly(FREQUENCY + "WEEKLY");
		JsonObject issued = first.getJsonArray(DCT + "issued").getJsonObject(0);
		assertThat(issued.getString("@type")).isEqualTo("http://www.w3.org/2001/XMLSchema#dateTime");
		assertThat(Instant.parse(issued.getString("@value"))).isEqualTo(parking.issuedAt());
		JsonObject publisher = first.getJsonArray(DCT + "publisher").getJsonObject(0);
		assertThat(values(publisher, "http://xmlns.com/foaf/0.1/name")).containsExactly("Mobility department");
		JsonObject contact = first.getJsonArray(DCAT + "contactPoint").getJsonObject(0);
		assertThat(ids(contact, "http://www.w3.org/2006/vcard/ns#hasEmail"))
			.containsExactly("mailto:mobility-data@city.example");
		JsonArray distributions = first.getJsonArray(DCAT + "distribution");
		assertThat(distributions).hasSize(1);
		JsonObject distribution = distributions.getJsonObject(0);
		assertThat(types(distribution)).containsExactly(DCAT + "Distribution");
		assertThat(ids(distribution, DCAT + "accessURL")).containsExactly("https://opendata.city.example/parking.csv");
		assertThat(ids(distribution, DCT + "license")).containsExactly("https://creativecommons.org/licenses/by/4.0/");
		assertThat(ids(distribution, DCT + "format")).containsExactly(FILE_TYPE + "CSV");

		JsonObject second = datasets.get(trees.catalogueId());
		assertThat(ids(second, DCT + "accrualPeriodicity")).containsExactly(FREQUENCY + "IRREG");
		assertThat(ids(second.getJsonArray(DCAT + "distribution").getJsonObject(0), DCT + "license"))
			.containsExactly("https://creativecommons.org/publicdomain/zero/1.0/");

		JsonObject third = datasets.get(events.catalogueId());
		assertThat(values(third, DCT + "title")).containsExactly("Cultural events");
		assertThat(values(third, DCAT + "keyword")).isEmpty();
		assertThat(ids(third, DCT + "accrualPeriodicity")).containsExactly(FREQUENCY + "ANNUAL");
		JsonObject api = third.getJsonArray(DCAT + "distribution").getJsonObject(0);
		assertThat(ids(api, DCAT + "accessURL")).containsExactly("https://api.city.example/events");
		assertThat(ids(api, DCT + "license")).containsExactly("https://opendatacommons.org/licenses/odbl/1-0/");
		assertThat(api.containsKey(DCT + "format")).as("an API has no file type").isFalse();
	}

	@Test
	void anEmptyCatalogueIsStillACatalog() throws Exception {
		catalogue.deleteAll();

		assertThat(datasetsOf(expandedCatalogue())).isEmpty();
		assertThat(getJson("/api/datasets").get("content")).isEmpty();
	}

	// ---------------------------------------------------------------- through the
	// process: refused never appears

	void ensureUser(String id, String group) {
		IdentityService identity = engine.getIdentityService();
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword("password-" + id);
			identity.saveUser(user);
			identity.createMembership(id, group);
		}
	}

	void submit(ProcessInstance instance, String user, Map<String, Object> form) {
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
		IdentityService identity = engine.getIdentityService();
		List<String> groups = identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(g -> g.getId())
			.toList();
		identity.setAuthentication(user, groups);
		try {
			engine.getFormService().submitTaskForm(task.getId(), form);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	ProcessInstance requestDataset(String title) {
		String reference = ProcessTestSupport.newReference();
		return engine.getRuntimeService()
			.startProcessInstanceByKey(ProcessKeys.DATA_OPENING, reference,
					Map.of("ideaReference", reference, "ideaTitle", "Shade on the way to school", "datasetTitle", title,
							"datasetOwnerDepartment", "dept-environment", "datasetPurpose", "A shade map"));
	}

	@Test
	void onlyWhatTheProcessPublishedIsInTheCatalogue() throws Exception {
		catalogue.deleteAll();
		ensureUser("catalogue-steward", "data-stewards-environment");
		ensureUser("catalogue-privacy", Groups.PRIVACY_OFFICE);
		ProcessInstance published = requestDataset("Tree canopy");
		ProcessInstance refusedByDepartment = requestDataset("Tree inspections");
		ProcessInstance refusedByPrivacyOffice = requestDataset("Tree sponsors");

		submit(published, "catalogue-steward", Map.of("datasetAssessment", "CAN_OPEN", "containsPersonalData", "NO",
				"containsLocationData", "NO", "commerciallySensitive", "NO", "alreadyPublic", "NO"));
		submit(published, "catalogue-steward",
				Map.of("catalogueTitle", "Tree canopy", "catalogueDescription", "Canopy cover per block.",
						"datasetLicence", "CC-BY-4.0", "datasetFormat", "GEOJSON", "datasetUrl",
						"https://opendata.city.example/canopy.geojson", "updateFrequency", "QUARTERLY",
						"datasetKeywords", "trees, shade", "contactPoint", "green@city.example"));
		submit(refusedByDepartment, "catalogue-steward",
				Map.of("datasetAssessment", "CANNOT_OPEN", "datasetReason", "Inspections are under way."));
		submit(refusedByPrivacyOffice, "catalogue-steward",
				Map.of("datasetAssessment", "CAN_OPEN", "containsPersonalData", "YES", "containsLocationData", "NO",
						"commerciallySensitive", "NO", "alreadyPublic", "NO"));
		submit(refusedByPrivacyOffice, "catalogue-privacy",
				Map.of("privacyDecision", "REFUSE", "datasetReason", "Sponsors' names are personal data."));

		String catalogueId = (String) engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(published.getId())
			.variableName("catalogueId")
			.singleResult()
			.getValue();
		assertThat(getJson("/api/datasets").get("content").findValuesAsText("catalogueId"))
			.containsExactly(catalogueId);
		Map<String, JsonObject> datasets = datasetsOf(expandedCatalogue());
		assertThat(datasets).containsOnlyKeys(catalogueId);
		assertThat(values(datasets.get(catalogueId), DCT + "title")).containsExactly("Tree canopy");
		assertThat(ids(datasets.get(catalogueId), DCT + "accrualPeriodicity")).containsExactly(FREQUENCY + "QUARTERLY");
		getJson("/api/datasets/" + catalogueId);
	}

}
