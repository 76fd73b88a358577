package city.ideatoservice.organisation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The city's departments, from the settings
 * ({@code idea-to-service.organisation.departments}). The models ask this bean for a
 * department's groups, e.g. {@code ${departments.headsOf(sponsorDepartment)}}.
 */
@Component("departments")
public class Departments {

	/** A department and its three groups: dept-x (officers), data-stewards-x, heads-x. */
	public record Department(String id, String name, String nameDe, BigDecimal yearlyBudget) {

		public String group() {
			return "dept-" + id;
		}

		public String stewardsGroup() {
			return "data-stewards-" + id;
		}

		public String headsGroup() {
			return "heads-" + id;
		}

	}

	private final List<Department> all;

	private final Set<String> groupIds;

	Departments(OrganisationProperties organisation) {
		this.all = organisation.departments()
			.entrySet()
			.stream()
			.map(entry -> new Department(entry.getKey(), entry.getValue().name(), entry.getValue().nameDe(),
					entry.getValue().yearlyBudget()))
			.toList();
		Set<String> groups = new LinkedHashSet<>();
		all.forEach(department -> groups.add(department.group()));
		this.groupIds = Collections.unmodifiableSet(groups);
	}

	public List<Department> all() {
		return all;
	}

	/** The department group ids (dept-mobility, ...), the values forms submit. */
	public Set<String> groupIds() {
		return groupIds;
	}

	public Optional<Department> byGroup(String group) {
		return all.stream().filter(d -> d.group().equals(group)).findFirst();
	}

	public Optional<Department> byAnyGroup(String group) {
		return all.stream()
			.filter(d -> d.group().equals(group) || d.stewardsGroup().equals(group) || d.headsGroup().equals(group))
			.findFirst();
	}

	public String headsOf(String departmentGroup) {
		return require(departmentGroup).headsGroup();
	}

	public String stewardsOf(String departmentGroup) {
		return require(departmentGroup).stewardsGroup();
	}

	private Department require(String departmentGroup) {
		return byGroup(departmentGroup)
			.orElseThrow(() -> new IllegalArgumentException("'" + departmentGroup + "' is not a department group"));
	}

}
