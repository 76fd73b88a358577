package city.ideatoservice.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * The city-wide Camunda groups of DOMAIN.md, which the models name as candidates. The
 * department groups come in threes from the settings (see {@link Departments}).
 */
public final class Groups {

	public static final String INNOVATION_OFFICE = "innovation-office";

	public static final String FINANCE = "finance";

	public static final String BUDGET_COMMITTEE = "budget-committee";

	public static final String LEGAL = "legal";

	public static final String IT = "it";

	public static final String PRIVACY_OFFICE = "privacy-office";

	public static final String COMMUNICATIONS = "communications";

	public static final String COUNCIL_CLERKS = "council-clerks";

	public static final String MAYORS_OFFICE = "mayors-office";

	public static final String PROCESS_DESIGNERS = "process-designers";

	public static final String OPERATORS = "operators";

	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Groups that are not departments, with the names people see in Admin. */
	public static final List<String[]> CITY_GROUPS = List.of(new String[] { INNOVATION_OFFICE, "Innovation office" },
			new String[] { FINANCE, "Finance" }, new String[] { BUDGET_COMMITTEE, "Council budget committee" },
			new String[] { LEGAL, "Legal" }, new String[] { IT, "IT" },
			new String[] { PRIVACY_OFFICE, "Privacy office" }, new String[] { COMMUNICATIONS, "Communications" },
			new String[] { COUNCIL_CLERKS, "Council clerks" }, new String[] { MAYORS_OFFICE, "Mayor's office" },
			new String[] { PROCESS_DESIGNERS, "Process designers" }, new String[] { OPERATORS, "Operators" });

	private Groups() {
	}

	/**
	 * The leads of a city-wide group ({@code innovation-office-leads}): an overdue task
	 * of the group escalates to them.
	 */
	public static String leadsOf(String group) {
		return group + "-leads";
	}

	/**
	 * The city-wide groups that work tasks, each with its leads: all but the process
	 * designers and the operators.
	 */
	public static List<String> withLeads() {
		return CITY_GROUPS.stream()
			.map(group -> group[0])
			.filter(group -> !PROCESS_DESIGNERS.equals(group) && !OPERATORS.equals(group))
			.toList();
	}

	/**
	 * Every group id: city groups, their leads, then each department's three groups.
	 */
	public static List<String> all(Departments departments) {
		List<String> all = new ArrayList<>();
		CITY_GROUPS.forEach(group -> all.add(group[0]));
		withLeads().forEach(group -> all.add(leadsOf(group)));
		for (Departments.Department department : departments.all()) {
			all.add(department.group());
			all.add(department.stewardsGroup());
			all.add(department.headsGroup());
		}
		return all;
	}

}
