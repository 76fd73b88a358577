package city.ideatoservice.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.identity.StaffSessions;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The budgets page as finance reads it: every department's total, committed and left as
 * the budget table holds them, the money an idea holds, the decisions with the name of
 * who took them; for finance, the budget committee and the innovation office only.
 */
@IdeaToServiceTest
class BudgetsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	PrototypeBudgets budgets;

	@Autowired
	FundingDecisionRepository decisions;

	@Autowired
	Departments departments;

	@BeforeEach
	void users() {
		support.ensureUser("finance-budgets", Groups.FINANCE);
		User finance = engine.getIdentityService().createUserQuery().userId("finance-budgets").singleResult();
		finance.setFirstName("Fiona");
		finance.setLastName("Figueira");
		engine.getIdentityService().saveUser(finance);
		support.ensureUser("clerk-budgets", Groups.COUNCIL_CLERKS);
	}

	@Test
	void financeSeesEachDepartmentsBudgetTheMoneyIdeasHoldAndWhoDecided() throws Exception {
		int year = budgets.currentYear();
		String reference = "BUDGET-" + System.nanoTime() % 1_000_000;
		assertThat(budgets.reserve(reference, 1, "dept-culture", year, 123_456)).isTrue();
		decisions.save(new FundingDecision(null, reference, 1, "FINANCE", "APPROVE", 123_456, null, "finance-budgets",
				Instant.now()));

		MockHttpServletResponse page = mvc
			.perform(get("/staff/budgets").session(StaffSessions.loggedIn(engine, "finance-budgets")))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("Prototype budgets " + year);
		for (Departments.Department department : departments.all()) {
			assertThat(html).contains(department.name());
		}
		assertThat(html).as("what is left of Culture, as the budget table says")
			.contains(BudgetsPage.euros(budgets.remainingCents("dept-culture", year)));
		assertThat(html).contains(reference, "1.234,56", "Fiona Figueira").doesNotContain(">finance-budgets<");
	}

	@Test
	void onlyFinanceTheBudgetCommitteeAndTheInnovationOfficeSeeIt() throws Exception {
		assertThat(mvc.perform(get("/staff/budgets")).andReturn().getResponse().getStatus()).isEqualTo(401);
		MockHttpServletResponse clerk = mvc
			.perform(get("/staff/budgets").session(StaffSessions.loggedIn(engine, "clerk-budgets")))
			.andReturn()
			.getResponse();
		assertThat(clerk.getStatus()).isEqualTo(403);
		assertThat(clerk.getContentAsString()).contains("The budgets are for finance");
	}

}
