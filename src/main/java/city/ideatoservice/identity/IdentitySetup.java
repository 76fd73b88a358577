package city.ideatoservice.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of DOMAIN.md and what each may do, at every start and idempotently.
 * Tasks need no grant: a group named as a task's candidate may see, claim and complete it
 * (Camunda's default task permission, TASK_WORK in application.yml: not UPDATE, which
 * would let it change the task's variables and who works on it).
 */
@Component
public class IdentitySetup {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final Departments departments;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, Departments departments) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.departments = departments;
	}

	@EventListener
	@Order(1)
	public void onEngineReady(ApplicationReadyEvent event) {
		for (String[] group : Groups.CITY_GROUPS) {
			createGroup(group[0], group[1]);
			if (Groups.withLeads().contains(group[0])) {
				createGroup(Groups.leadsOf(group[0]), "Leads: " + group[1]);
			}
		}
		for (Departments.Department department : departments.all()) {
			createGroup(department.group(), "Department: " + department.name());
			createGroup(department.stewardsGroup(), "Data stewards: " + department.name());
			createGroup(department.headsGroup(), "Heads: " + department.name());
		}
		for (String group : Groups.all(departments)) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			// forms and diagrams of the tasks they work on; the idea's reference and
			// title on every task card (the
			// Tasklist reads them as process variables); names of colleagues. Citizens'
			// personal data is never in
			// variables, so reading them shows a civil servant nothing private.
			grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE);
			grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
			grant(group, Resources.USER, "*", Permissions.READ);
			grant(group, Resources.GROUP, "*", Permissions.READ);
		}
		// the innovation office records ideas from workshops with the start form
		grant(Groups.INNOVATION_OFFICE, Resources.PROCESS_DEFINITION, "idea-to-service", Permissions.READ,
				Permissions.CREATE_INSTANCE);
		grant(Groups.INNOVATION_OFFICE, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		// only process designers deploy models and move running ideas to a new version
		// (Cockpit)
		grant(Groups.PROCESS_DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.PROCESS_DESIGNERS, Resources.DEPLOYMENT, "*", Permissions.ALL);
		// no task work and no changes to running ideas (ALL in earlier releases): they
		// read, and migrate
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.MIGRATE_INSTANCE);
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
		grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
		grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.BATCH, "*", BatchPermissions.READ,
				BatchPermissions.READ_HISTORY, BatchPermissions.UPDATE, BatchPermissions.DELETE,
				BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
		log.info("Groups and authorizations of Idea to Service are in place ({} groups)",
				Groups.all(departments).size());
	}

	private void createGroup(String id, String name) {
		if (identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identityService.newGroup(id);
		group.setName(name);
		group.setType("WORKFLOW");
		identityService.saveGroup(group);
	}

	/**
	 * Grants these permissions and no others (taking back what an earlier release gave).
	 */
	void grantExactly(String group, Resource resource, String resourceId, Permission... permissions) {
		grant(group, resource, resourceId, permissions);
		Authorization authorization = authorizationService.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
			.findFirst()
			.orElseThrow();
		List<Permission> wanted = List.of(permissions);
		Permission[] granted = authorization.getPermissions(permissions);
		if (granted.length != wanted.size() || authorization.isPermissionGranted(Permissions.ALL)
				|| List.of(authorization.getPermissions(allOf(resource))).stream().anyMatch(p -> !wanted.contains(p))) {
			authorization.setPermissions(permissions);
			authorizationService.saveAuthorization(authorization);
		}
	}

	private static Permission[] allOf(Resource resource) {
		if (resource == Resources.PROCESS_DEFINITION) {
			return ProcessDefinitionPermissions.values();
		}
		if (resource == Resources.PROCESS_INSTANCE) {
			return ProcessInstancePermissions.values();
		}
		return resource == Resources.BATCH ? BatchPermissions.values() : Permissions.values();
	}

	void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		List<Authorization> existing = authorizationService.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list();
		Authorization authorization = existing.stream()
			.filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
			.findFirst()
			.orElseGet(() -> {
				Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
				created.setGroupId(group);
				created.setResource(resource);
				created.setResourceId(resourceId);
				return created;
			});
		boolean changed = authorization.getId() == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizationService.saveAuthorization(authorization);
		}
	}

}
