package city.ideatoservice.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.ideatoservice.form.TypedDates;
import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.identity.StaffSessions;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The clerks' calendar page as a browser uses it: logged in through the Tasklist (the
 * webapps' session), forms with the session's CSRF token, dates typed day.month.year.
 */
@IdeaToServiceTest
class CouncilCalendarPageTest {

	static final String PAGE = "/staff/council";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	CouncilSessionRepository sessions;

	/**
	 * Far enough ahead that no other test plans a session that day; day 15 cannot be read
	 * as a month.
	 */
	final LocalDate day = LocalDate.now().plusMonths(30).withDayOfMonth(15);

	@BeforeEach
	void users() {
		support.ensureUser("clerk-page", Groups.COUNCIL_CLERKS);
		User clerk = engine.getIdentityService().createUserQuery().userId("clerk-page").singleResult();
		clerk.setFirstName("Clara");
		clerk.setLastName("Clerk");
		engine.getIdentityService().saveUser(clerk);
		support.ensureUser("officer-page", Groups.INNOVATION_OFFICE);
		sessions.findAll()
			.stream()
			.filter(s -> s.sessionDate().equals(day) || s.sessionDate().equals(day.plusDays(1)))
			.forEach(sessions::delete);
	}

	@Test
	void onlyClerksLoggedInToTheTasklistSeeTheCalendar() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get(PAGE)).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getContentAsString()).contains("Log in to the Tasklist", "/camunda/app/tasklist/");

		MockHttpServletResponse officer = mvc.perform(get(PAGE).session(loggedIn("officer-page")))
			.andReturn()
			.getResponse();
		assertThat(officer.getStatus()).isEqualTo(403);
		assertThat(officer.getContentAsString()).contains("Only council clerks keep the council");

		MockHttpServletResponse clerk = mvc.perform(get(PAGE).session(loggedIn("clerk-page")))
			.andReturn()
			.getResponse();
		assertThat(clerk.getStatus()).isEqualTo(200);
		assertThat(clerk.getContentAsString()).contains("Council calendar", "Clara Clerk", "Plan a session");
	}

	@Test
	void aClerkPlansMovesAndCancelsASessionWithDatesTypedDayMonthYear() throws Exception {
		MockHttpSession session = loggedIn("clerk-page");
		String typed = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());

		MockHttpServletResponse planned = mvc
			.perform(post(PAGE + "/sessions").session(session)
				.param("_csrf", token(session))
				.param("body", "COUNCIL")
				.param("date", typed)
				.param("seats", "41")
				.param("title", "Extra council session"))
			.andReturn()
			.getResponse();
		assertThat(planned.getStatus()).isEqualTo(302);
		CouncilSession saved = onDay(day);
		assertThat(saved.seats()).isEqualTo(41);
		assertThat(saved.title()).isEqualTo("Extra council session");
		String page = mvc.perform(get(PAGE).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Planned: council session on " + typed + " (Extra council session).", typed);

		// the same day again: refused, and what was typed stays in the form
		MockHttpServletResponse twice = mvc
			.perform(post(PAGE + "/sessions").session(session)
				.param("_csrf", token(session))
				.param("body", "COUNCIL")
				.param("date", typed)
				.param("seats", "39")
				.param("title", "Second try"))
			.andReturn()
			.getResponse();
		assertThat(twice.getStatus()).isEqualTo(409);
		assertThat(twice.getContentAsString()).contains("Date: there is a council session on " + typed + " already.",
				"value=\"Second try\"", "value=\"39\"");

		String next = String.format("%02d.%02d.%d", day.plusDays(1).getDayOfMonth(), day.plusDays(1).getMonthValue(),
				day.plusDays(1).getYear());
		assertThat(mvc
			.perform(post(PAGE + "/sessions/" + saved.id() + "/move").session(session)
				.param("_csrf", token(session))
				.param("date", next))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(sessions.findById(saved.id())).get()
			.extracting(CouncilSession::sessionDate)
			.isEqualTo(day.plusDays(1));

		assertThat(mvc
			.perform(post(PAGE + "/sessions/" + saved.id() + "/cancel").session(session).param("_csrf", token(session)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(sessions.findById(saved.id())).isEmpty();
	}

	@Test
	void aDateThatIsNotADayOrHasPassedIsRefusedWithAMessageNamingTheField() throws Exception {
		MockHttpSession session = loggedIn("clerk-page");
		LocalDate yesterday = LocalDate.now().minusDays(1);
		for (String[] attempt : List.of(new String[] { "31.02.2027", "give the date as day.month.year" },
				new String[] { "02/15/2027", "give the date as day.month.year" },
				new String[] { String.format("%02d.%02d.%d", yesterday.getDayOfMonth(), yesterday.getMonthValue(),
						yesterday.getYear()), "has passed" })) {
			MockHttpServletResponse refused = mvc
				.perform(post(PAGE + "/sessions").session(session)
					.param("_csrf", token(session))
					.param("body", "COUNCIL")
					.param("date", attempt[0])
					.param("seats", "41"))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).as(attempt[0]).isEqualTo(400);
			assertThat(refused.getContentAsString()).as(attempt[0])
				.contains("Date: ", attempt[1], "value=\"" + attempt[0] + "\"");
		}
		assertThat(mvc
			.perform(post(PAGE + "/sessions").session(session)
				.param("_csrf", token(session))
				.param("body", "COUNCIL")
				.param("date", LocalDate.now().plusDays(45).format(TypedDates.DAY))
				.param("seats", "0"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Seats: give the number of seats, from 1 to 500.");
	}

	@Test
	void aFormWithoutTheSessionsTokenIsRefused() throws Exception {
		MockHttpSession session = loggedIn("clerk-page");
		String typed = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
		assertThat(mvc
			.perform(post(PAGE + "/sessions").session(session)
				.param("body", "COUNCIL")
				.param("date", typed)
				.param("seats", "41"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(sessions.findAll()).noneMatch(s -> s.sessionDate().equals(day));
	}

	private CouncilSession onDay(LocalDate date) {
		return sessions.findAll()
			.stream()
			.filter(s -> s.sessionDate().equals(date) && "COUNCIL".equals(s.body()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no council session on " + date));
	}

	private MockHttpSession loggedIn(String userId) {
		return StaffSessions.loggedIn(engine, userId);
	}

	/** The CSRF token of the session's page, as a browser sends it back. */
	private String token(MockHttpSession session) throws Exception {
		String page = mvc.perform(get(PAGE).session(session)).andReturn().getResponse().getContentAsString();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

}
