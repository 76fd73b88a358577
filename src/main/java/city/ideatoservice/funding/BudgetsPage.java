package city.ideatoservice.funding;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.identity.StaffPages;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The prototype budgets of the departments for finance, the budget committee and the
 * innovation office (/staff/budgets, their Tasklist login): per year the total, what
 * approved funding committed, what is left; the money each idea holds; every funding
 * decision with who took it and when. Read only: budgets come from the settings, money
 * moves only through the funding tasks.
 */
@Controller
class BudgetsPage {

	/** A department's budget in a year, in euros. */
	record Budget(String department, String total, String committed, String left, int usedPercent) {
	}

	record Holding(String ideaReference, String ideaTitle, int round, String department, String amount) {
	}

	record Decision(String ideaReference, int round, String role, String decision, String amount, String decidedBy,
			String decidedOn, String reason) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

	private final JdbcClient jdbc;

	private final Departments departments;

	private final PrototypeBudgets budgets;

	private final IdentityService identity;

	BudgetsPage(JdbcClient jdbc, Departments departments, PrototypeBudgets budgets, IdentityService identity) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.budgets = budgets;
		this.identity = identity;
	}

	@GetMapping("/staff/budgets")
	String page(@RequestParam(required = false) Integer year, Model model, HttpServletResponse response) {
		Optional<String> refused = StaffPages.refused(identity, model, response,
				"The budgets are for finance, the budget committee and the innovation office.", Groups.FINANCE,
				Groups.BUDGET_COMMITTEE, Groups.INNOVATION_OFFICE);
		if (refused.isPresent()) {
			return refused.get();
		}
		int shown = year == null ? budgets.currentYear() : year;
		List<Integer> years = jdbc.sql("select distinct budget_year from prototype_budget order by budget_year desc")
			.query(Integer.class)
			.list();
		List<Budget> rows = jdbc
			.sql("select department, total_cents, committed_cents from prototype_budget where budget_year = :year")
			.param("year", shown)
			.query((rs, n) -> {
				long total = rs.getLong("total_cents");
				long committed = rs.getLong("committed_cents");
				return new Budget(departmentName(rs.getString("department")), euros(total), euros(committed),
						euros(total - committed), total == 0 ? 0 : (int) Math.round(100.0 * committed / total));
			})
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(Budget::department))
			.toList();
		long total = jdbc.sql("select coalesce(sum(total_cents), 0) from prototype_budget where budget_year = :year")
			.param("year", shown)
			.query(Long.class)
			.single();
		long committed = jdbc
			.sql("select coalesce(sum(committed_cents), 0) from prototype_budget where budget_year = :year")
			.param("year", shown)
			.query(Long.class)
			.single();
		List<Holding> holdings = jdbc
			.sql("select r.idea_reference, i.title, r.funding_round, r.department, r.amount_cents"
					+ " from funding_reservation r left join idea i on i.reference = r.idea_reference"
					+ " where r.budget_year = :year order by r.idea_reference, r.funding_round")
			.param("year", shown)
			.query((rs, n) -> new Holding(rs.getString(1), rs.getString(2), rs.getInt(3),
					departmentName(rs.getString(4)), euros(rs.getLong(5))))
			.list();
		Map<String, String> names = new HashMap<>();
		List<Decision> decisions = jdbc
			.sql("select idea_reference, funding_round, approver_role, decision, amount_cents, decided_by, decided_at,"
					+ " reason from funding_decision where extract(year from decided_at) = :year"
					+ " order by decided_at desc limit 200")
			.param("year", shown)
			.query((rs, n) -> new Decision(rs.getString(1), rs.getInt(2), StaffPages.words(rs.getString(3)),
					StaffPages.words(rs.getString(4)), euros(rs.getLong(5)),
					names.computeIfAbsent(String.valueOf(rs.getString(6)), this::personName),
					DAY.format(rs.getTimestamp(7).toInstant().atZone(ZoneId.systemDefault())), rs.getString(8)))
			.list();
		model.addAttribute("year", shown);
		model.addAttribute("years", years.contains(shown) ? years : prepend(shown, years));
		model.addAttribute("budgets", rows);
		model.addAttribute("total", euros(total));
		model.addAttribute("committed", euros(committed));
		model.addAttribute("left", euros(total - committed));
		model.addAttribute("holdings", holdings);
		model.addAttribute("decisions", decisions);
		return "staff/budgets";
	}

	private static List<Integer> prepend(int year, List<Integer> years) {
		List<Integer> all = new java.util.ArrayList<>(years);
		all.add(0, year);
		return all;
	}

	private String departmentName(String group) {
		return departments.all()
			.stream()
			.filter(d -> d.group().equals(group))
			.map(Departments.Department::name)
			.findFirst()
			.orElse(group);
	}

	private String personName(String userId) {
		return StaffPages.personName(identity, "null".equals(userId) ? null : userId);
	}

	static String euros(long cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMANY);
		return format.format(BigDecimal.valueOf(cents, 2));
	}

}
