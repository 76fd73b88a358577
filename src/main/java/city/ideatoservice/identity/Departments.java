package city.ideatoservice.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The city's departments. The models ask this bean for a department's groups, e.g.
 * {@code ${departments.headsOf(sponsorDepartment)}}.
 */
@Component("departments")
public class Departments {

	public record Department(String key, String name) {

		public String group() {
			return "dept-" + key;
		}

		public String stewardsGroup() {
			return "data-stewards-" + key;
		}

		public String headsGroup() {
			return "heads-" + key;
		}

	}

	public static final List<Department> ALL = List.of(new Department("mobility", "Mobility"),
			new Department("environment", "Environment"), new Department("social-services", "Social services"),
			new Department("urban-planning", "Urban planning"), new Department("culture", "Culture"));

	/** The department group ids (dept-mobility, ...), the values forms submit. */
	public static final Set<String> GROUP_IDS = ALL.stream()
		.map(Department::group)
		.collect(Collectors.toUnmodifiableSet());

	public static Optional<Department> byGroup(String group) {
		return ALL.stream().filter(d -> d.group().equals(group)).findFirst();
	}

	public static Optional<Department> byAnyGroup(String group) {
		return ALL.stream()
			.filter(d -> d.group().equals(group) || d.stewardsGroup().equals(group) || d.headsGroup().equals(group))
			.findFirst();
	}

	public String headsOf(String departmentGroup) {
		return require(departmentGroup).headsGroup();
	}

	public String stewardsOf(String departmentGroup) {
		return require(departmentGroup).stewardsGroup();
	}

	private static Department require(String departmentGroup) {
		return byGroup(departmentGroup)
			.orElseThrow(() -> new IllegalArgumentException("'" + departmentGroup + "' is not a department group"));
	}

}
