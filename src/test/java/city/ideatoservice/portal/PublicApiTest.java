package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The public API beyond submitting and tracking: the board, an idea's public page, the
 * services, erasing one's data; and the OpenAPI document that lists every operation with
 * its problems.
 */
@IdeaToServiceTest
class PublicApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdeaService ideas;

	@Autowired
	IdeaRepository ideaRepository;

	@Autowired
	CitizenRepository citizens;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	JsonNode submit(String title, String theme, boolean publicBoard) throws Exception {
		Map<String, Object> idea = new LinkedHashMap<>();
		idea.put("title", title);
		idea.put("description", "Described by a citizen.");
		idea.put("theme", theme);
		idea.put("reach", "DISTRICT");
		idea.put("place", "Old town");
		idea.put("name", "Ana Citizen");
		idea.put("email", "ana-api@example.org");
		idea.put("privacyConsent", true);
		idea.put("publicBoard", publicBoard);
		return json.readTree(mvc
			.perform(post("/api/ideas").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(idea)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	String screened(String title, String theme, boolean publicBoard) throws Exception {
		String reference = submit(title, theme, publicBoard).path("reference").asText();
		ideas.changeStatus(reference, PublicStatus.IN_REVIEW, null);
		ideas.changeStatus(reference, PublicStatus.CO_DESIGN, "Accepted: the district asked for it.");
		return reference;
	}

	JsonNode getJson(String path) throws Exception {
		return json.readTree(mvc.perform(get(path).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theBoardListsScreenedIdeasWhoseAuthorsAgreedWithFiltersAndPages() throws Exception {
		String word = "Quokka" + UUID.randomUUID().toString().substring(0, 6);
		String bikes = screened(word + " bike racks", "MOBILITY", true);
		String concerts = screened(word + " concerts", "CULTURE", true);
		screened(word + " not on the board", "MOBILITY", false);
		submit(word + " not screened yet", "MOBILITY", true);

		JsonNode board = getJson("/api/ideas?q=" + word.toLowerCase());
		assertThat(board.path("total").asInt()).isEqualTo(2);
		assertThat(board.path("page").asInt()).isEqualTo(1);
		assertThat(board.findValuesAsText("reference")).containsExactly(concerts, bikes);
		assertThat(board.toString()).doesNotContain("Ana Citizen", "ana-api@example.org", "not on the board");
		assertThat(getJson("/api/ideas?q=" + word + "&theme=CULTURE").findValuesAsText("reference"))
			.containsExactly(concerts);
		assertThat(getJson("/api/ideas?q=" + word + "&status=LIVE").path("total").asInt()).isZero();

		for (String[] refused : List.of(new String[] { "theme=0", "\"theme\" must be one of MOBILITY" },
				new String[] { "page=0", "The page starts at 1." }, new String[] { "page=two", "whole number" },
				new String[] { "status=SUBMITTED", "SUBMITTED is not one of them" },
				new String[] { "q=" + "x".repeat(121), "at most 120 characters" })) {
			mvc.perform(get("/api/ideas?" + refused[0]))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString(refused[1])));
		}
	}

	@Test
	void anIdeasPublicPageShowsPublicFactsOnly() throws Exception {
		String reference = screened("Benches by the river " + UUID.randomUUID(), "URBAN_PLANNING", true);

		JsonNode idea = getJson("/api/ideas/" + reference);
		assertThat(idea.path("reference").asText()).isEqualTo(reference);
		assertThat(idea.path("place").asText()).isEqualTo("Old town");
		assertThat(idea.path("status").asText()).isEqualTo("CO_DESIGN");
		assertThat(idea.path("timeline").findValuesAsText("status")).containsExactly("SUBMITTED", "IN_REVIEW",
				"CO_DESIGN");
		assertThat(idea.path("timeline").get(2).path("reason").asText())
			.isEqualTo("Accepted: the district asked for it.");
		assertThat(idea.toString()).doesNotContain("Ana Citizen", "ana-api@example.org", "trackingCode",
				"idempotencyKey", "citizenId", "privacyAcceptedAt");

		String unlisted = screened("Not for the board " + UUID.randomUUID(), "URBAN_PLANNING", false);
		mvc.perform(get("/api/ideas/" + unlisted))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No idea " + unlisted + " is on the public board."));
		mvc.perform(get("/api/ideas/IDEA-1999-000001")).andExpect(status().isNotFound());
	}

	@Test
	void anIdeaThatWentLiveIsAmongTheServices() throws Exception {
		String reference = screened("Library bikes " + UUID.randomUUID(), "MOBILITY", true);
		ideas.changeStatus(reference, PublicStatus.LIVE, "Running since Monday.");

		JsonNode services = getJson("/api/services");
		assertThat(services.findValuesAsText("reference")).contains(reference);
	}

	@Test
	void aCitizenErasesTheirNameAndEmailAndTheIdeaStays() throws Exception {
		JsonNode submitted = submit("Repair café " + UUID.randomUUID(), "SOCIAL", false);
		String code = submitted.path("trackingCode").asText();
		String reference = submitted.path("reference").asText();
		Long citizen = ideaRepository.findByReference(reference).orElseThrow().citizenId();

		mvc.perform(post("/api/ideas/tracking/{code}/erasure", code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.erased").value(true))
			.andExpect(jsonPath("$.message").value(containsString("no more e-mails")));
		assertThat(citizens.findById(citizen)).get().satisfies(erased -> {
			assertThat(erased.name()).isNull();
			assertThat(erased.email()).isNull();
		});
		mvc.perform(post("/api/ideas/tracking/{code}/erasure", code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.erased").value(false));
		mvc.perform(get("/api/ideas/tracking/{code}", code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value(reference));
		mvc.perform(post("/api/ideas/tracking/{code}/erasure", "no-such-code"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aNameOrEmailIsKeptOnlyWithThePrivacyConsent() throws Exception {
		long before = ideaRepository.count();
		mvc.perform(post("/api/ideas").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Shade\",\"description\":\"Trees\",\"theme\":\"OTHER\",\"reach\":\"CITY\","
					+ "\"email\":\"ana@example.org\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[0]").value(containsString("privacyConsent: Please accept the privacy notice")));
		assertThat(ideaRepository.count()).isEqualTo(before);
		// no personal data, no consent needed
		mvc.perform(post("/api/ideas").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Shade\",\"description\":\"Trees\",\"theme\":\"OTHER\",\"reach\":\"CITY\"}"))
			.andExpect(status().isCreated());
	}

	// ---- the OpenAPI document

	@Test
	void theOpenApiDocumentListsEveryApiOperationWithItsProblems() throws Exception {
		JsonNode document = json.readTree(mvc.perform(get("/api/openapi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode paths = document.path("paths");

		List<String> operations = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			for (String path : mapping.getKey().getPatternValues()) {
				if (path.startsWith("/api/") && !path.startsWith("/api/openapi") && !path.equals("/api/docs")) {
					mapping.getKey()
						.getMethodsCondition()
						.getMethods()
						.forEach(method -> operations.add(method.name().toLowerCase() + " " + path));
				}
			}
		}
		assertThat(operations).hasSizeGreaterThanOrEqualTo(18);
		for (String operation : operations) {
			String method = operation.substring(0, operation.indexOf(' '));
			String path = operation.substring(operation.indexOf(' ') + 1);
			JsonNode documented = paths.path(path).path(method);
			assertThat(documented.isObject()).as("%s is documented", operation).isTrue();
			assertThat(documented.path("summary").asText()).as("summary of %s", operation).isNotBlank();
			JsonNode responses = documented.path("responses");
			assertThat(responses.fieldNames()).toIterable()
				.as("a success of %s", operation)
				.anyMatch(code -> code.startsWith("2"));
			responses.fields().forEachRemaining(response -> {
				if (!response.getKey().startsWith("2")) {
					assertThat(response.getValue().path("content").has("application/problem+json"))
						.as("%s answers %s as a problem", operation, response.getKey())
						.isTrue();
					assertThat(response.getValue().path("description").asText()).isNotBlank();
				}
			});
			if (path.contains("{")) {
				assertThat(responses.has("404")).as("%s says when it is not found", operation).isTrue();
			}
			if (path.startsWith("/api/staff/")) {
				assertThat(responses.has("401") && responses.has("403")).as("%s needs a staff login", operation)
					.isTrue();
				assertThat(documented.path("security").toString()).contains("staffLogin");
			}
		}
		JsonNode submit = paths.path("/api/ideas").path("post").path("responses");
		assertThat(submit.fieldNames()).toIterable()
			.containsExactlyInAnyOrder("201", "400", "406", "409", "415", "422", "429");
		assertThat(submit.path("429").path("description").asText()).contains("Retry-After");
		assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("detail"))
			.isTrue();

		// the human-readable page
		mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
	}

}
