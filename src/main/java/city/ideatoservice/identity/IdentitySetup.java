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
 * would let it change the task's variables and who works on it), and read the idea the
 * task belongs to (IdeaReadAuthorizations).
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
			// the forms and diagrams of the models; which ideas a group reads follows
			// from
			// its tasks (IdeaReadAuthorizations), but for the groups that need every idea
			grantExactly(group, Resources.PROCESS_DEFINITION, "*", definitionPermissions(group));
			grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
			// colleagues' names (people are picked by name)
			grant(group, Resources.USER, "*", Permissions.READ);
			grant(group, Resources.GROUP, "*", Permissions.READ);
		}
		// the innovation office records ideas from workshops with the start form
		grant(Groups.INNOVATION_OFFICE, Resources.PROCESS_DEFINITION, "idea-to-service", Permissions.READ,
				Permissions.CREATE_INSTANCE);
		grant(Groups.INNOVATION_OFFICE, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		// and runs the open-innovation challenges
		grant(Groups.INNOVATION_OFFICE, Resources.PROCESS_DEFINITION, "innovation-challenge", Permissions.READ,
				Permissions.CREATE_INSTANCE);
		// process designers read the models and running ideas in Cockpit and move them to
		// a new version; no task work, no changes to running ideas, no deployment over
		// HTTP (RestApiSecurity: the models ship with the application)
		grant(Groups.PROCESS_DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
		grantExactly(Groups.PROCESS_DESIGNERS, Resources.BATCH, "*", BatchPermissions.READ,
				BatchPermissions.READ_HISTORY, BatchPermissions.UPDATE, BatchPermissions.DELETE,
				BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
		// operators watch incidents in Cockpit, retry failed jobs (one, per job
		// definition or as a batch) and resolve incidents (which Camunda counts as an
		// UPDATE of the instance; its variables stay closed by RestApiSecurity)
		grant(Groups.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grantExactly(Groups.OPERATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grantExactly(Groups.OPERATORS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
				ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.UPDATE);
		// and, like process designers, move running instances to a model's newest version
		// (the page /staff/migrations; MIGRATE_INSTANCE on the definitions, below)
		grantExactly(Groups.OPERATORS, Resources.BATCH, "*", BatchPermissions.READ, BatchPermissions.READ_HISTORY,
				BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
		log.info("Groups and authorizations of Idea to Service are in place ({} groups)",
				Groups.all(departments).size());
	}

	/**
	 * On every model: READ (forms, diagrams, start forms). Every idea, running and in
	 * history, only for the groups whose job spans them all: the innovation office, which
	 * owns the pipeline, process designers and operators (Cockpit).
	 */
	static Permission[] definitionPermissions(String group) {
		return switch (group) {
			case Groups.INNOVATION_OFFICE -> new Permission[] { ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY };
			case Groups.PROCESS_DESIGNERS ->
				new Permission[] { ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
						ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.MIGRATE_INSTANCE };
			case Groups.OPERATORS ->
				new Permission[] { ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
						ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB,
						ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE };
			default -> new Permission[] { ProcessDefinitionPermissions.READ };
		};
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
