package city.ideatoservice.oparl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.council.AgendaItem;
import city.ideatoservice.council.AgendaItemRepository;
import city.ideatoservice.council.CouncilSession;
import city.ideatoservice.council.CouncilSessionRepository;
import city.ideatoservice.council.OfficialAct;
import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The council's data as an OParl client and a harvester read it: every object of a
 * demo-like council (sessions held and to come, items adopted, rejected, deferred and
 * pending, a council act and a mayoral decree) validates against the official OParl 1.1.1
 * JSON schema of its type (../shared/standards/oparl-1.1, beside the repository), every
 * URL in an object answers 200 with an object of the type its property names, the lists
 * are walked page by page through {@code links.next}, and the whole crawl holds no
 * personal data planted in the fixture. Full application; the calendar and register are
 * emptied before each test.
 */
@IdeaToServiceTest
class OparlApiTest {

	static final Path SCHEMAS = Path.of("..", "shared", "standards", "oparl-1.1");

	static final String ROOT = "http://localhost";

	static final String ENTRY = ROOT + "/oparl/v1.1";

	static final String TYPE = "https://schema.oparl.org/1.1/";

	static final String CITIZEN_NAME = "Zelda Quastenberg";

	static final String CITIZEN_EMAIL = "zelda.quastenberg@mail.example";

	static final String STAFF_LOGIN = "kwiatkowska-oparl";

	/** The properties whose URL names an object of this type. */
	static final Map<String, String> REFERENCES = Map.ofEntries(Map.entry("system", "System"),
			Map.entry("body", "Body"), Map.entry("organization", "Organization"), Map.entry("meeting", "Meeting"),
			Map.entry("agendaItem", "AgendaItem"), Map.entry("paper", "Paper"),
			Map.entry("consultation", "Consultation"), Map.entry("subOrganizationOf", "Organization"),
			Map.entry("originatorOrganization", "Organization"), Map.entry("subordinatedPaper", "Paper"),
			Map.entry("superordinatedPaper", "Paper"), Map.entry("person", "Person"),
			Map.entry("legislativeTermList", "LegislativeTerm"));

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdeaService ideas;

	@Autowired
	CouncilSessionRepository sessions;

	@Autowired
	AgendaItemRepository agenda;

	@Autowired
	OfficialActRepository register;

	String listedIdea;

	String unlistedIdea;

	AgendaItem adopted;

	AgendaItem pending;

	OfficialAct act;

	OfficialAct decree;

	@BeforeEach
	void demoLikeCouncil() {
		register.deleteAll();
		agenda.deleteAll();
		sessions.deleteAll();
		// a citizen's idea on the public board, past screening; another kept off the
		// board
		listedIdea = idea("OParl shaded bus stops", true);
		ideas.changeStatus(listedIdea, PublicStatus.CO_DESIGN, null);
		ideas.changeStatus(listedIdea, PublicStatus.COUNCIL, null);
		unlistedIdea = idea("OParl quiet hours", false);
		LocalDate today = LocalDate.now();
		CouncilSession held = sessions.save(new CouncilSession(null, CouncilSession.COUNCIL, today.minusDays(20), 41,
				"Council session " + today.minusDays(20).getYear()));
		// held, its one item deferred to the coming session
		sessions.save(new CouncilSession(null, CouncilSession.COUNCIL, today.minusDays(48), 41, null));
		CouncilSession coming = sessions
			.save(new CouncilSession(null, CouncilSession.COUNCIL, today.plusDays(30), 41, null));
		sessions.save(new CouncilSession(null, CouncilSession.COMMITTEE, today.minusDays(27), 9,
				"Hearing of the Committee on Mobility and Environment"));
		Instant created = Instant.now().minus(60, ChronoUnit.DAYS);
		adopted = agenda.save(new AgendaItem(null, listedIdea, "OParl shaded bus stops", "MOBILITY_ENVIRONMENT",
				held.id(), "The city provides shade at its ten busiest bus stops.", "AMENDMENTS",
				"Amended after a call with " + STAFF_LOGIN + ": twelve stops.", "ADOPTED", 30, 6, 2, 0, created));
		agenda.save(new AgendaItem(null, ProcessTestSupport.newReference(), "OParl night buses", "SOCIAL_CULTURE",
				held.id(), "Night buses every hour.", "UNFAVOURABLE", null, "REJECTED", 10, 25, 3, 0, created));
		agenda.save(new AgendaItem(null, unlistedIdea, "OParl quiet hours", "URBAN_PLANNING", coming.id(),
				"Quiet hours in parks.", "FAVOURABLE", null, "DEFERRED", 12, 12, 10, 1, created));
		pending = agenda
			.save(new AgendaItem(null, ProcessTestSupport.newReference(), "OParl repair café", "SOCIAL_CULTURE",
					coming.id(), "A repair café in every district.", null, null, null, null, null, null, 0, created));
		int year = held.sessionDate().getYear();
		act = register.save(new OfficialAct(year + "/0901", year, 901, listedIdea, "OParl shaded bus stops",
				held.sessionDate(), held.id(), null, null, null, null, OfficialAct.COUNCIL_ACT,
				"The city provides shade at its twelve busiest bus stops.", true));
		int decreeYear = today.minusDays(5).getYear();
		decree = register.save(new OfficialAct(decreeYear + "/0902", decreeYear, 902, unlistedIdea,
				"OParl public toilets map", today.minusDays(5), null, null, null, null, null,
				OfficialAct.MAYORAL_DECREE, "The map of public toilets is published.", true));
	}

	String idea(String title, boolean publicBoard) {
		return ideas
			.register(new IdeaService.NewIdea(title, "A description of " + title, Theme.MOBILITY, Reach.CITY,
					Channel.PORTAL, CITIZEN_NAME, CITIZEN_EMAIL, null, "en", null, publicBoard, true))
			.idea()
			.reference();
	}

	// ---------------------------------------------------------------- the crawl

	/** Every object met, embedded ones included, by type. */
	final Map<String, List<JsonNode>> objects = new LinkedHashMap<>();

	final Map<String, String> bodies = new LinkedHashMap<>();

	final Set<String> listsWalked = new TreeSet<>();

	final List<String> problems = new ArrayList<>();

	/**
	 * Fetches the entry and everything it links to, walking each list to its last page.
	 */
	void crawl() throws Exception {
		Deque<String[]> queue = new ArrayDeque<>();
		queue.add(new String[] { ENTRY, "System", "entry" });
		Set<String> seen = new LinkedHashSet<>();
		while (!queue.isEmpty()) {
			String[] next = queue.poll();
			String url = next[0];
			if (!seen.add(url + " " + next[1])) {
				continue;
			}
			JsonNode node = fetch(url);
			if (node == null) {
				problems.add(next[2] + " -> " + url + " did not answer 200");
				continue;
			}
			if (node.has("data")) {
				listsWalked.add(url.replaceAll("\\?.*", ""));
				for (JsonNode item : node.get("data")) {
					expectType(item, next[1], url);
					collect(item, queue);
				}
				JsonNode links = node.get("links");
				assertThat(links.has("first") && links.has("last")).as(url).isTrue();
				if (links.has("next")) {
					queue.add(new String[] { links.get("next").asText(), next[1], url + " links.next" });
				}
			}
			else {
				expectType(node, next[1], url);
				collect(node, queue);
			}
		}
	}

	void expectType(JsonNode object, String type, String from) {
		if (!(TYPE + type).equals(object.path("type").asText())) {
			problems.add(from + " answered a " + object.path("type").asText() + ", expected " + type);
		}
	}

	/** Keeps the object and its embedded ones, and queues every URL they name. */
	void collect(JsonNode object, Deque<String[]> queue) {
		String type = object.path("type").asText().replace(TYPE, "");
		objects.computeIfAbsent(type, t -> new ArrayList<>()).add(object);
		Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			List<JsonNode> values = new ArrayList<>();
			if (field.getValue().isArray()) {
				field.getValue().forEach(values::add);
			}
			else {
				values.add(field.getValue());
			}
			for (JsonNode value : values) {
				if (value.isObject()) {
					collect(value, queue);
				}
				else if (value.isTextual() && value.asText().startsWith(ROOT) && !name.equals("id")) {
					String expected = name.equals("web") || name.equals("website") ? "page" : REFERENCES.get(name);
					if (expected == null) {
						problems.add(type + "." + name + " names " + value.asText() + " of no known type");
					}
					else if (expected.equals("page")) {
						bodies.put(value.asText(), page(value.asText()));
					}
					else {
						queue.add(new String[] { value.asText(), expected, type + "." + name });
					}
				}
			}
		}
	}

	JsonNode fetch(String url) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(URI.create(url))).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		bodies.put(url, body);
		if (response.getStatus() != 200) {
			return null;
		}
		assertThat(response.getContentType()).as(url).startsWith("application/json");
		return json.readTree(body);
	}

	/** A portal page an object links to ("web"): it is there. */
	String page(String url) {
		try {
			URI uri = URI.create(url);
			MockHttpServletResponse response = mvc
				.perform(get(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), null)))
				.andReturn()
				.getResponse();
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			if (response.getStatus() != 200) {
				problems.add(url + " answered " + response.getStatus());
			}
			if (uri.getFragment() != null && !body.contains("id=\"" + uri.getFragment() + "\"")) {
				problems.add(url + ": no element " + uri.getFragment() + " on the page");
			}
			return body;
		}
		catch (Exception ex) {
			throw new IllegalStateException(url, ex);
		}
	}

	// ---------------------------------------------------------------- the tests

	@Test
	void everyObjectValidatesAgainstItsOfficialSchemaAndEveryReferenceResolves() throws Exception {
		crawl();
		assertThat(problems).isEmpty();
		assertThat(objects.keySet())
			.containsAll(List.of("System", "Body", "Organization", "Meeting", "AgendaItem", "Paper", "Consultation"));
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
		Map<String, Schema> schemas = new HashMap<>();
		List<String> invalid = new ArrayList<>();
		int validated = 0;
		for (Map.Entry<String, List<JsonNode>> type : objects.entrySet()) {
			Schema schema = schemas.computeIfAbsent(type.getKey(), name -> {
				Path file = SCHEMAS.resolve(name + ".json");
				assertThat(file).as("OParl schemas beside the repository (../shared/standards)").exists();
				try (InputStream in = Files.newInputStream(file)) {
					return registry.getSchema(in);
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			for (JsonNode object : type.getValue()) {
				for (Error error : schema.validate(object)) {
					invalid.add(object.get("id").asText() + ": " + error);
				}
				assertThat(object.get("id").asText()).startsWith(ENTRY);
				if (!type.getKey().equals("System")) {
					assertThat(object.has("created") && object.has("modified")).as(object.toString()).isTrue();
				}
				validated++;
			}
		}
		assertThat(invalid).isEmpty();
		assertThat(validated).isGreaterThan(30);
		// the schemas do refuse: an agenda item without its order, a paper of another
		// type
		assertThat(schemas.get("AgendaItem")
			.validate(json.readTree("{\"id\": \"" + ENTRY + "/agendaItem/1\", \"type\": \"" + TYPE + "AgendaItem\"}")))
			.isNotEmpty();
		assertThat(schemas.get("Paper")
			.validate(json.readTree("{\"id\": \"" + ENTRY + "/paper/1\", \"type\": \"" + TYPE + "Meeting\"}")))
			.isNotEmpty();

		// what a reader of the council's record checks
		assertThat(objects.get("Organization")).extracting(o -> o.get("name").asText())
			.contains("City council", "Committee on Mobility and Environment", "Mayor's office");
		JsonNode adoptedItem = one("AgendaItem", ENTRY + "/agendaItem/" + adopted.id());
		assertThat(adoptedItem.get("result").asText()).isEqualTo("adopted (30 for, 6 against, 2 abstentions)");
		assertThat(adoptedItem.get("resolutionText").asText())
			.isEqualTo("The city provides shade at its twelve busiest bus stops.");
		JsonNode draft = one("Paper", ENTRY + "/paper/draft-" + adopted.id());
		assertThat(draft.get("web").asText()).isEqualTo(ROOT + "/ideas/" + listedIdea);
		assertThat(draft.get("subordinatedPaper").get(0).asText()).isEqualTo(ENTRY + "/paper/" + actPath(act));
		assertThat(draft.get("consultation").findValuesAsText("role")).contains("review: favourable with amendments",
				"decision");
		JsonNode decreePaper = one("Paper", ENTRY + "/paper/" + actPath(decree));
		assertThat(decreePaper.get("paperType").asText()).isEqualTo("Mayoral decree");
		assertThat(decreePaper.get("originatorOrganization").get(0).asText())
			.isEqualTo(ENTRY + "/organization/mayors-office");
		assertThat(decreePaper.get("web").asText()).isEqualTo(ROOT + "/register#act-" + actPath(decree).substring(4));
		// ideas kept off the public board (or without a portal record) get no link to a
		// page that is not there
		assertThat(one("Paper", ENTRY + "/paper/draft-" + pending.id()).has("web")).isFalse();
		assertThat(objects.get("Paper")).filteredOn(p -> p.path("reference").asText().equals(unlistedIdea))
			.allSatisfy(p -> assertThat(p.has("web")).isFalse());
	}

	JsonNode one(String type, String id) {
		return objects.get(type)
			.stream()
			.filter(o -> o.get("id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " " + id));
	}

	static String actPath(OfficialAct act) {
		return "act-" + act.actNumber().replace('/', '-');
	}

	@Test
	void listsArePagedAndEveryPageIsReachedThroughLinksNext() throws Exception {
		List<String> ids = new ArrayList<>();
		String url = ENTRY + "/body/city/paper?limit=2";
		int pages = 0;
		JsonNode page;
		do {
			page = fetch(url);
			pages++;
			assertThat(page.at("/pagination/currentPage").asInt()).isEqualTo(pages);
			assertThat(page.at("/pagination/elementsPerPage").asInt()).isEqualTo(2);
			page.get("data").forEach(paper -> ids.add(paper.get("id").asText()));
			url = page.at("/links/next").asText(null);
		}
		while (url != null);
		// four drafts, the act and the decree
		assertThat(ids).hasSize(6).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo(3);
		assertThat(page.at("/pagination/totalElements").asInt()).isEqualTo(6);
		assertThat(page.at("/links/last").asText()).isEqualTo(ENTRY + "/body/city/paper?limit=2&page=3");
		assertThat(page.at("/links/prev").asText()).isEqualTo(ENTRY + "/body/city/paper?limit=2&page=2");

		assertThat(mvc.perform(get(ENTRY + "/body/city/paper?limit=500")).andReturn().getResponse().getStatus())
			.isEqualTo(400);
		assertThat(mvc.perform(get(ENTRY + "/paper/draft-0")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void modifiedSinceReturnsWhatChangedSinceTheLastVisit() throws Exception {
		Instant lastVisit = Instant.now();
		Thread.sleep(20);
		// the committee reviews the pending item
		agenda.save(new AgendaItem(pending.id(), pending.ideaReference(), pending.title(), pending.committee(),
				pending.sessionId(), pending.draftAct(), "FAVOURABLE", null, null, null, null, null, 0,
				pending.createdAt()));
		JsonNode items = fetch(ENTRY + "/body/city/agendaItem?modified_since=" + lastVisit);
		assertThat(items.get("data").findValuesAsText("id")).containsExactly(ENTRY + "/agendaItem/" + pending.id());
		JsonNode consultations = fetch(ENTRY + "/body/city/consultation?modified_since=" + lastVisit);
		assertThat(consultations.get("data").findValuesAsText("role")).containsExactlyInAnyOrder("review: favourable",
				"decision");
		JsonNode meetings = fetch(ENTRY + "/body/city/meeting?modified_since=" + lastVisit);
		assertThat(meetings.get("data")).hasSize(1);
		JsonNode all = fetch(ENTRY + "/body/city/agendaItem?created_since=" + lastVisit);
		assertThat(all.get("data")).isEmpty();
		assertThat(mvc.perform(get(ENTRY + "/body/city/meeting?modified_since=yesterday"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void noPersonalDataInTheWholeCrawl() throws Exception {
		crawl();
		String everything = String.join("\n", bodies.values());
		// the crawl did reach the idea's records
		assertThat(everything).contains("OParl shaded bus stops", listedIdea);
		assertThat(everything).doesNotContain(CITIZEN_NAME, "Quastenberg", CITIZEN_EMAIL, STAFF_LOGIN);
	}

	@Test
	void idsFollowTheAddressTheClientUsedAndBrowserClientsMayReadIt() throws Exception {
		MockHttpServletResponse system = mvc.perform(get(URI.create("https://council.city.example:443/oparl/v1.1"))
			.header("Origin", "https://oparl-client.example")).andReturn().getResponse();
		assertThat(system.getStatus()).isEqualTo(200);
		JsonNode node = json.readTree(system.getContentAsString());
		assertThat(node.get("id").asText()).isEqualTo("https://council.city.example/oparl/v1.1");
		assertThat(node.get("body").asText()).isEqualTo("https://council.city.example/oparl/v1.1/body");
		assertThat(system.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(system.getHeader("Access-Control-Allow-Credentials")).isNull();
		assertThat(system.getHeader("Content-Security-Policy")).contains("default-src 'self'");

		MockHttpServletResponse preflight = mvc
			.perform(options(ENTRY + "/body/city/meeting").header("Origin", "https://oparl-client.example")
				.header("Access-Control-Request-Method", "DELETE"))
			.andReturn()
			.getResponse();
		assertThat(preflight.getStatus()).isEqualTo(403);
	}

}
