package city.ideatoservice.approval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Who approves a service, from the rows of the DMN service-approvers
 * ({@code ${approvals.groups(serviceApprovers)}}): a row names one group or a list of
 * groups (the implementing departments); each group approves once.
 */
@Component("approvals")
public class Approvals {

	private final IdentityService identityService;

	Approvals(IdentityService identityService) {
		this.identityService = identityService;
	}

	public List<String> groups(Collection<?> rows) {
		Set<String> groups = new LinkedHashSet<>();
		rows.forEach(row -> add(row, groups));
		if (groups.isEmpty()) {
			throw new ProcessEngineException("The decision service-approvers names no group to approve the service.");
		}
		Set<String> unknown = new LinkedHashSet<>(groups);
		identityService.createGroupQuery()
			.groupIdIn(groups.toArray(String[]::new))
			.list()
			.stream()
			.map(Group::getId)
			.forEach(unknown::remove);
		if (!unknown.isEmpty()) {
			// a task for a group nobody is in would wait for ever: stop here and name the
			// row to fix
			throw new ProcessEngineException(
					"The decision service-approvers names groups that do not exist: " + String.join(", ", unknown));
		}
		return new ArrayList<>(groups);
	}

	private static void add(Object value, Set<String> groups) {
		if (value instanceof Collection<?> list) {
			list.forEach(item -> add(item, groups));
		}
		else if (value instanceof SpinJsonNode json && json.isArray()) {
			json.elements().forEach(item -> add(item, groups));
		}
		else if (value instanceof SpinJsonNode json && json.isString()) {
			add(json.stringValue(), groups);
		}
		else if (value instanceof String group && !group.isBlank()) {
			groups.add(group.strip());
		}
		else if (value != null) {
			throw new ProcessEngineException("The decision service-approvers gave '" + value + "', not a group id.");
		}
	}

}
