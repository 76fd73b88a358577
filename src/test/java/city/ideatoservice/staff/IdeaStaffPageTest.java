package city.ideatoservice.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.identity.StaffSessions;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One idea on one page for staff: the facts, who decided what and when (by name), the
 * task open now with its link into the Tasklist, the e-mails; only for who may read the
 * idea in the Tasklist.
 */
@IdeaToServiceTest
class IdeaStaffPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@BeforeEach
	void users() {
		support.ensureUser("inno-page", Groups.INNOVATION_OFFICE);
		User inno = engine.getIdentityService().createUserQuery().userId("inno-page").singleResult();
		inno.setFirstName("Irene");
		inno.setLastName("Ideas");
		engine.getIdentityService().saveUser(inno);
		support.ensureUser("clerk-idea-page", Groups.COUNCIL_CLERKS);
	}

	@Test
	void theInnovationOfficeSeesWhoScreenedTheIdeaAndWhatIsOpenNow() throws Exception {
		String ref = support.submitIdea("Benches in the shade", Theme.ENVIRONMENT, Reach.DISTRICT);
		Task screening = support.task(ref, "Task_ScreenIdea");
		engine.getTaskService().setAssignee(screening.getId(), "inno-page");
		support.complete(ref, "Task_ScreenIdea", Map.of("screeningDecision", "ACCEPT", "category", "URBAN_PLANNING",
				"priority", "HIGH", "sponsorDepartment", "dept-environment"));
		Task champion = support.task(ref, "Task_AssignChampion");

		MockHttpServletResponse page = mvc
			.perform(get("/staff/ideas/" + ref).session(StaffSessions.loggedIn(engine, "inno-page")))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString())
			.contains("Benches in the shade", ref, "Screen idea", "Irene Ideas", "Assign champion",
					"/camunda/app/tasklist/default/#/?task=" + champion.getId(), "Submitted")
			.doesNotContain(">inno-page<");
	}

	@Test
	void whoMayNotReadTheIdeaLearnsNothingAboutIt() throws Exception {
		String ref = support.submitIdea("Secret garden", Theme.ENVIRONMENT, Reach.DISTRICT);

		MockHttpServletResponse clerk = mvc
			.perform(get("/staff/ideas/" + ref).session(StaffSessions.loggedIn(engine, "clerk-idea-page")))
			.andReturn()
			.getResponse();
		assertThat(clerk.getStatus()).isEqualTo(404);
		assertThat(clerk.getContentAsString()).doesNotContain("Secret garden");

		assertThat(mvc.perform(get("/staff/ideas/" + ref)).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

}
