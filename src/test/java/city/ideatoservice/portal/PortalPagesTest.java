package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.process.ProcessTestSupport;
import city.ideatoservice.web.LoopbackClient;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The citizens' pages as a browser uses them, in English and German: real forms with the
 * session's CSRF token, real data, the whole application.
 */
@IdeaToServiceTest
class PortalPagesTest {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");

	static final Pattern CODE = Pattern.compile("class=\"code\">([A-Z0-9-]+)<");

	static final String SCRIPT = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdeaRepository ideaRepository;

	@Autowired
	CitizenRepository citizens;

	@Autowired
	IdeaService ideas;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	/** One browser: its session (with the CSRF token) and its language. */
	class Browser {

		final MockHttpSession session = new MockHttpSession();

		final String language;

		Browser(String language) {
			this.language = language;
		}

		MockHttpServletRequestBuilder in(MockHttpServletRequestBuilder request) {
			return request.session(session).header("Accept-Language", language);
		}

		String page(String url) throws Exception {
			return mvc.perform(in(get(url))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		}

		String token(String url) throws Exception {
			return find(CSRF, page(url));
		}

		MvcResult submit(Map<String, String> fields) throws Exception {
			String form = page("/submit");
			MockHttpServletRequestBuilder request = in(post("/submit")).param("_csrf", find(CSRF, form))
				.param("submissionKey", find(KEY, form));
			fields.forEach(request::param);
			return mvc.perform(request).andReturn();
		}

		/** Submits a valid idea and answers its reference and tracking code. */
		String[] submitted(Map<String, String> fields) throws Exception {
			MvcResult sent = submit(fields);
			assertThat(sent.getResponse().getStatus()).isEqualTo(302);
			String thanks = mvc.perform(in(get("/submit/thanks")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			return new String[] { find(Pattern.compile("class=\"reference\">(IDEA-[0-9-]+)<"), thanks),
					find(CODE, thanks) };
		}

		MvcResult track(String reference, String code) throws Exception {
			return mvc
				.perform(in(post("/track")).param("_csrf", token("/track"))
					.param("reference", reference)
					.param("code", code))
				.andReturn();
		}

		MvcResult send(String url, String pageWithForm, Map<String, String> fields) throws Exception {
			MockHttpServletRequestBuilder request = in(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url))
				.param("_csrf", token(pageWithForm));
			fields.forEach(request::param);
			return mvc.perform(request).andReturn();
		}

	}

	static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

	static Map<String, String> idea(String title) {
		return Map.of("title", title, "description", "Benches and shade\non the main square", "theme", "URBAN_PLANNING",
				"reach", "DISTRICT", "place", "Old town", "name", "Ana Citizen", "email", "ana@example.org", "consent",
				"true", "publicBoard", "true");
	}

	static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	// ---- pages and languages

	@Test
	void theHomePageSpeaksTheBrowsersLanguageAndSwitches() throws Exception {
		assertThat(new Browser("en").page("/")).contains("lang=\"en\"", "Your idea for the city", "Submit an idea",
				"href=\"/?lang=de\"", "Deutsch", "href=\"/camunda/app/\"");
		assertThat(new Browser("de-DE,de;q=0.9,en;q=0.5").page("/")).contains("lang=\"de\"", "Ihre Idee für die Stadt",
				"Idee einreichen", "href=\"/?lang=en\"");
		// a language we have no texts in: English, and the page says so
		assertThat(new Browser("fr").page("/")).contains("lang=\"en\"", "Your idea for the city");

		// the switch: a cookie the next pages keep, whatever the browser says
		MvcResult switched = mvc.perform(get("/ideas").param("lang", "de").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn();
		Cookie language = switched.getResponse().getCookie("lang");
		assertThat(language.getValue()).isEqualTo("de");
		assertThat(switched.getResponse().getContentAsString()).contains("Ideen aus der Bürgerschaft");
		assertThat(mvc.perform(get("/submit").cookie(language).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("lang=\"de\"", "Idee einreichen");
	}

	@Test
	void everyPageHasTheLayoutTheStrictPolicyAndNoInlineScript() throws Exception {
		for (String url : new String[] { "/", "/submit", "/track", "/ideas", "/services", "/register", "/datasets",
				"/privacy" }) {
			MvcResult result = mvc.perform(get(url))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", SecurityHeaders_POLICY))
				.andReturn();
			String page = result.getResponse().getContentAsString();
			assertThat(page).as(url).contains("<main id=\"content\"", "href=\"/portal.css\"", "Staff login");
			assertThat(page).as(url).doesNotContain("<style", " style=\"", "<script>", "onclick", "??");
		}
		assertThat(mvc.perform(get("/portal.css"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(".error-summary");
	}

	static final String SecurityHeaders_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none';"
			+ " frame-ancestors 'none'; form-action 'self'";

	// ---- submitting

	@Test
	void aFormWithMistakesNamesEachFieldInThePagesLanguageAndKeepsWhatWasTyped() throws Exception {
		long before = ideaRepository.count();
		for (String[] language : new String[][] {
				{ "en", "Title: Please fill this in.", "Your e-mail address: Please give an e-mail address",
						"Who would benefit?: Please choose one of the options.", "Please agree to the privacy notice" },
				{ "de", "Titel: Bitte füllen Sie dieses Feld aus.", "Ihre E-Mail-Adresse: Bitte geben Sie",
						"Wem würde es nützen?: Bitte wählen Sie", "Bitte stimmen Sie den Datenschutzhinweisen zu" } }) {
			Browser browser = new Browser(language[0]);
			MvcResult result = browser.submit(Map.of("title", " ", "description", "My <b>typed</b> text", "theme",
					"MOBILITY", "place", "Near the station", "name", "Ana", "email", "not-an-address"));
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			String page = result.getResponse().getContentAsString();
			assertThat(page).contains("class=\"error-summary\"", "href=\"#title\"", "href=\"#email\"",
					"href=\"#reach-NEIGHBOURHOOD\"", "href=\"#consent\"");
			for (int i = 1; i < language.length; i++) {
				assertThat(page).contains(language[i]);
			}
			// nothing typed is lost, and it stays text
			assertThat(page).contains("My &lt;b&gt;typed&lt;/b&gt; text", "value=\"Near the station\"", "value=\"Ana\"",
					"value=\"not-an-address\"", "<option value=\"MOBILITY\" selected=\"selected\"");
			assertThat(page).contains("aria-invalid=\"true\"");
			// the summary in the order of the form
			assertThat(page.indexOf(language[1])).isLessThan(page.indexOf(language[2]));
		}
		MvcResult tooLong = new Browser("en").submit(Map.of("title", "x".repeat(121), "description", "d", "theme",
				"MOBILITY", "reach", "CITY", "consent", "true"));
		assertThat(tooLong.getResponse().getContentAsString()).contains("Title: Please write at most 120 characters.");
		MvcResult badTheme = new Browser("en")
			.submit(Map.of("title", "t", "description", "d", "theme", "<b>", "reach", "CITY", "consent", "true"));
		assertThat(badTheme.getResponse().getContentAsString()).contains("Theme: Please choose one of the options.");
		assertThat(ideaRepository.count()).isEqualTo(before);
	}

	@Test
	void aSubmittedIdeaShowsItsReferenceAndCodeOnceAndTheMailLinksToTheTrackingPage() throws Exception {
		Browser browser = new Browser("de");
		String title = unique("Schatten am Marktplatz");
		MvcResult sent = browser.submit(idea(title));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/submit/thanks");
		String thanks = mvc.perform(browser.in(get("/submit/thanks"))).andReturn().getResponse().getContentAsString();
		assertThat(thanks).contains("Vielen Dank für Ihre Idee", "Speichern Sie jetzt Ihren Verfolgungscode");
		String reference = find(Pattern.compile("class=\"reference\">(IDEA-[0-9-]+)<"), thanks);
		String code = find(CODE, thanks);

		Idea idea = ideaRepository.findByReference(reference).orElseThrow();
		assertThat(idea.title()).isEqualTo(title);
		assertThat(idea.place()).isEqualTo("Old town");
		assertThat(idea.publicBoard()).isTrue();
		assertThat(idea.privacyAcceptedAt()).isNotNull();
		assertThat(ideas.findByTrackingCode(code)).map(Idea::reference).contains(reference);
		assertThat(citizens.findById(idea.citizenId()).orElseThrow().locale()).isEqualTo("de");

		// shown once: the page again has no code
		assertThat(browser.page("/submit/thanks")).contains("Der Verfolgungscode wurde einmal angezeigt")
			.doesNotContain(code);
		// the acknowledgement links to the tracking page; the code after "#" is never
		// sent
		// to the server
		String parameters = jdbc
			.sql("select parameters from notification where idea_id = :id and kind = 'IDEA_RECEIVED'")
			.param("id", idea.id())
			.query(String.class)
			.single();
		assertThat(parameters).contains("https://ideas.city.example/track?reference=" + reference + "#code=" + code);
	}

	@Test
	void theSameFormSentTwiceMakesOneIdea() throws Exception {
		Browser browser = new Browser("en");
		String form = browser.page("/submit");
		long before = ideaRepository.count();
		String[] redirects = new String[2];
		Map<String, String> fields = idea(unique("Double click"));
		for (int i = 0; i < 2; i++) {
			MockHttpServletRequestBuilder request = browser.in(post("/submit"))
				.param("_csrf", find(CSRF, form))
				.param("submissionKey", find(KEY, form));
			fields.forEach(request::param);
			MvcResult sent = mvc.perform(request).andExpect(status().isFound()).andReturn();
			redirects[i] = ((PortalPages.Submitted) sent.getFlashMap().get("submitted")).reference();
		}
		assertThat(redirects[1]).isEqualTo(redirects[0]);
		assertThat(ideaRepository.count()).isEqualTo(before + 1);
	}

	// ---- CSRF

	@Test
	void aFormWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws Exception {
		long before = ideaRepository.count();
		MockHttpServletRequestBuilder withoutToken = post("/submit").header("Accept-Language", "de");
		idea(unique("Forged")).forEach(withoutToken::param);
		mvc.perform(withoutToken).andExpect(status().isForbidden()).andExpect(forwardedUrl(PortalPages.REFUSED_FORM));
		// the page a browser gets (MockMvc does not follow the forward)
		LoopbackClient.Response refused = new LoopbackClient(port, "127.0.0.1").post("/submit", "title=x",
				"Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "de");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Das Formular ist abgelaufen", "lang=\"de\"");

		// a token of another session is no token
		String othersToken = new Browser("en").token("/submit");
		MockHttpServletRequestBuilder foreign = post("/submit").session(new MockHttpSession())
			.param("_csrf", othersToken);
		idea(unique("Forged")).forEach(foreign::param);
		mvc.perform(foreign).andExpect(status().isForbidden());
		assertThat(ideaRepository.count()).isEqualTo(before);

		String[] submitted = new Browser("en").submitted(idea(unique("Kept")));
		mvc.perform(post("/track").param("reference", submitted[0]).param("code", submitted[1]))
			.andExpect(status().isForbidden());
		Browser owner = new Browser("en");
		owner.track(submitted[0], submitted[1]);
		mvc.perform(owner.in(post("/track/{r}/withdraw", submitted[0]))).andExpect(status().isForbidden());
		mvc.perform(owner.in(post("/track/{r}/erase", submitted[0]))).andExpect(status().isForbidden());
		assertThat(ideas.findByReference(submitted[0]).orElseThrow().status()).isEqualTo(PublicStatus.IN_REVIEW);
	}

	// ---- tracking, answering, withdrawing, erasing

	@Test
	void theCitizenTracksTheIdeaWithReferenceAndCode() throws Exception {
		String[] submitted = new Browser("en").submitted(idea(unique("Tracked")));
		String reference = submitted[0];

		Browser english = new Browser("en");
		MvcResult opened = english.track(reference, submitted[1].toLowerCase());
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/track/" + reference);
		String page = english.page("/track/" + reference);
		assertThat(page).contains(reference, "Status", "Being reviewed", "Submitted", "Your idea has arrived",
				java.time.LocalDate.now().toString(), "Withdraw my idea", "Erase my data", "Old town");
		assertThat(page).doesNotContain("ana@example.org", "Ana Citizen", submitted[1]);

		Browser german = new Browser("de");
		german.track(reference, submitted[1]);
		assertThat(german.page("/track/" + reference)).contains("Eingereicht", "Was bisher geschah",
				java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(java.time.LocalDate.now()));

		// without the code, this browser sees nothing
		mvc.perform(get("/track/" + reference)).andExpect(status().isFound()).andExpect(redirectedUrl("/track"));
	}

	@Test
	void anUnknownCodeAndAnotherIdeasCodeGetTheSame404() throws Exception {
		String[] mine = new Browser("en").submitted(idea(unique("Mine")));
		String[] other = new Browser("en").submitted(idea(unique("Other")));
		Browser browser = new Browser("en");
		MvcResult unknown = browser.track(mine[0], "AAAA-BBBB-CCCC-DDDD");
		MvcResult othersCode = browser.track(mine[0], other[1]);
		for (MvcResult result : new MvcResult[] { unknown, othersCode }) {
			assertThat(result.getResponse().getStatus()).isEqualTo(404);
			assertThat(result.getResponse().getContentAsString())
				.contains("No idea matches this reference and tracking code", "value=\"" + mine[0] + "\"");
		}
		assertThat(new Browser("de").track(mine[0], "").getResponse().getContentAsString())
			.contains("Verfolgungscode: Bitte füllen Sie dieses Feld aus.");
		mvc.perform(browser.in(get("/track/" + mine[0]))).andExpect(redirectedUrl("/track"));
	}

	@Test
	void theCitizenAnswersTheOpenQuestionOnThePage() throws Exception {
		Browser browser = new Browser("en");
		String[] submitted = browser.submitted(idea(unique("Question")));
		String reference = submitted[0];
		support.complete(reference, "Task_ScreenIdea", Map.of("screeningDecision", "ASK", "category", "MOBILITY",
				"priority", "HIGH", "questionToCitizen", "Which <streets> exactly?"));
		String page = browser.page("/track/" + reference);
		assertThat(page).contains("The City has a question for you", "Which &lt;streets&gt; exactly?");

		MvcResult blank = browser.send("/track/" + reference + "/answer", "/track/" + reference,
				Map.of("answer", "  "));
		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
		assertThat(blank.getResponse().getContentAsString()).contains("Your answer: Please fill this in.");
		MvcResult tooLong = browser.send("/track/" + reference + "/answer", "/track/" + reference,
				Map.of("answer", "y".repeat(4001)));
		assertThat(tooLong.getResponse().getContentAsString())
			.contains("Your answer: Please write at most 4000 characters.", "y".repeat(4001));

		MvcResult answered = browser.send("/track/" + reference + "/answer", "/track/" + reference,
				Map.of("answer", "The ring road " + SCRIPT));
		assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/track/" + reference);
		assertThat(support.instance(reference, "idea-screening")).isNotNull();
		assertThat(support.task(reference, "Task_ScreenIdea")).isNotNull();
		String after = mvc.perform(browser.in(get("/track/" + reference)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("your answer has been sent").doesNotContain("The City has a question for you");
	}

	@Test
	void withdrawingAsksForConfirmationFirst() throws Exception {
		Browser browser = new Browser("de");
		String[] submitted = browser.submitted(idea(unique("Rückzug")));
		String reference = submitted[0];
		String confirm = browser.page("/track/" + reference + "/withdraw");
		assertThat(confirm).contains("Idee zurückziehen?", "Ja, Idee zurückziehen");
		assertThat(ideas.findByReference(reference).orElseThrow().status()).isEqualTo(PublicStatus.IN_REVIEW);

		MvcResult withdrawn = browser.send("/track/" + reference + "/withdraw", "/track/" + reference + "/withdraw",
				Map.of());
		assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/track/" + reference);
		assertThat(ideas.findByReference(reference).orElseThrow().status()).isEqualTo(PublicStatus.WITHDRAWN);
		String page = mvc.perform(browser.in(get("/track/" + reference)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Ihre Idee wurde zurückgezogen.", "Zurückgezogen")
			.doesNotContain("/track/" + reference + "/withdraw\"");
	}

	@Test
	void erasingRemovesNameAndEmailAndKeepsTheIdea() throws Exception {
		Browser browser = new Browser("en");
		String[] submitted = browser.submitted(idea(unique("Erased")));
		String reference = submitted[0];
		Long citizenId = ideas.findByReference(reference).orElseThrow().citizenId();
		assertThat(browser.page("/track/" + reference + "/erase")).contains("Yes, erase my data");

		MvcResult erased = browser.send("/track/" + reference + "/erase", "/track/" + reference + "/erase", Map.of());
		assertThat(erased.getFlashMap().get("notice")).isEqualTo("portal.track.erased");
		assertThat(citizens.findById(citizenId).orElseThrow().email()).isNull();
		assertThat(citizens.findById(citizenId).orElseThrow().name()).isNull();
		assertThat(ideas.findByReference(reference).orElseThrow().title()).startsWith("Erased");
		// and the code still opens the idea
		assertThat(new Browser("en").track(reference, submitted[1]).getResponse().getStatus()).isEqualTo(302);

		MvcResult again = browser.send("/track/" + reference + "/erase", "/track/" + reference + "/erase", Map.of());
		assertThat(again.getFlashMap().get("notice")).isEqualTo("portal.track.nothingToErase");
	}

	// ---- the public board and an idea's page

	String listed(String title, String theme) throws Exception {
		Map<String, String> fields = new java.util.HashMap<>(idea(title));
		fields.put("theme", theme);
		String reference = new Browser("en").submitted(fields)[0];
		ideas.changeStatus(reference, PublicStatus.IN_REVIEW, null);
		ideas.changeStatus(reference, PublicStatus.CO_DESIGN, "Accepted: a <i>good</i> idea");
		return reference;
	}

	@Test
	void theBoardShowsListedIdeasWithFiltersSearchAndPages() throws Exception {
		String word = "Zebra" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 11; i++) {
			listed(word + " crossing " + i, "MOBILITY");
		}
		String culture = listed(word + " " + SCRIPT, "CULTURE");
		Map<String, String> unlisted = new java.util.HashMap<>(idea(word + " not on the board"));
		unlisted.remove("publicBoard");
		String notListed = new Browser("en").submitted(unlisted)[0];
		ideas.changeStatus(notListed, PublicStatus.CO_DESIGN, null);
		String notScreened = new Browser("en").submitted(idea(word + " not screened yet"))[0];

		String first = new Browser("en").page("/ideas?q=" + word.toLowerCase());
		assertThat(first).contains("12 ideas.", "Page 1 of 2", "rel=\"next\"", "&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("not on the board", "not screened yet", SCRIPT);
		assertThat(count(first, "<li>\n      <h2>")).isEqualTo(10);
		String second = new Browser("de").page("/ideas?q=" + word + "&page=2");
		assertThat(second).contains("12 Ideen.", "Seite 2 von 2", "rel=\"prev\"");
		assertThat(new Browser("en").page("/ideas?q=" + word + "&theme=CULTURE")).contains("One idea.",
				"/ideas/" + culture);
		assertThat(new Browser("en").page("/ideas?q=" + word + "&status=LIVE")).contains("No idea matches.");
		assertThat(new Browser("en").page("/ideas?q=" + word + "&status=CO_DESIGN&reach=DISTRICT&page=x"))
			.contains("12 ideas.");

		String page = new Browser("de").page("/ideas/" + culture);
		assertThat(page)
			.contains("Wird mit Bürgerinnen", "Accepted: a &lt;i&gt;good&lt;/i&gt; idea", "Kultur", "Old town")
			.doesNotContain("Ana Citizen", "ana@example.org", SCRIPT);
		mvc.perform(get("/ideas/" + notListed)).andExpect(status().isNotFound());
		mvc.perform(get("/ideas/" + notScreened)).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/ideas/IDEA-1999-000001").header("Accept-Language", "de"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Seite nicht gefunden");
	}

	static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	@Test
	void anIdeaThatWentLiveIsAService() throws Exception {
		String reference = listed(unique("Night buses"), "MOBILITY");
		ideas.changeStatus(reference, PublicStatus.LIVE, null);
		assertThat(new Browser("en").page("/services")).contains("/ideas/" + reference, "Night buses");
		assertThat(new Browser("de").page("/services")).contains("Dienste aus Ideen der Bürgerschaft");
	}

}
