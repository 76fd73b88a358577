package city.ideatoservice.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role starts from, created once by name and shared with the
 * groups that need them.
 */
@Component
public class TasklistFilters {

	/** The default (first) filter: what is mine to do, assigned to me or to my groups. */
	public static final String MY_WORK = "My work";

	public static final String MY_TASKS = "My tasks";

	public static final String MY_GROUPS_TASKS = "My group's tasks";

	public static final String OVERDUE = "Overdue";

	public static final String COUNCIL_AGENDA = "Council agenda";

	public static final String IDEAS_TO_SCREEN = "Ideas to screen";

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
	}

	@EventListener
	@Order(2)
	public void onEngineReady(ApplicationReadyEvent event) {
		// the Tasklist opens the filter of the lowest priority: work, not "My tasks (0)"
		create(MY_WORK, -20, "Assigned to me or to my groups, the earliest due first",
				taskService.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr()
					.orderByDueDate()
					.asc(),
				List.of());
		create(MY_TASKS, -10, "Tasks assigned to me, e.g. as an idea's champion",
				taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), List.of());
		create(MY_GROUPS_TASKS, 0, "Tasks for the groups I belong to",
				taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks(),
				List.of());
		create(OVERDUE, 5, "My and my groups' tasks past their due date, the escalated first",
				taskService.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr()
					.dueBeforeExpression("${now()}")
					.orderByTaskPriority()
					.desc()
					.orderByDueDate()
					.asc(),
				List.of());
		create(IDEAS_TO_SCREEN, 10, "New ideas waiting for the innovation office's screening",
				taskService.createTaskQuery()
					.processDefinitionKey(ProcessKeys.IDEA_SCREENING)
					.taskDefinitionKey("Task_ScreenIdea")
					.taskCandidateGroup(Groups.INNOVATION_OFFICE)
					.includeAssignedTasks(),
				List.of(Groups.INNOVATION_OFFICE));
		create(COUNCIL_AGENDA, 20, "Items for the council: agenda, votes and acts",
				taskService.createTaskQuery()
					.processDefinitionKey("council-adoption")
					.taskCandidateGroup(Groups.COUNCIL_CLERKS)
					.includeAssignedTasks(),
				List.of(Groups.COUNCIL_CLERKS));
	}

	private void create(String name, int priority, String description, TaskQuery query, List<String> groups) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		// shown on every task card, so that two tasks of the same kind can be told apart
		// without opening them
		properties.put("variables", TaskCards.VARIABLES);
		Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
			filterService.saveFilter(filter);
		}
		else if (!properties.equals(filter.getProperties())) {
			// a new release may show other columns; the query an operator may have tuned
			// stays as it is
			filterService.saveFilter(filter.setProperties(properties));
		}
		if (orderedSince(filter, query)) {
			// a release that sorts a filter: the operator's criteria stay, sorted
			TaskQueryImpl saved = (TaskQueryImpl) filter.getQuery();
			((TaskQueryImpl) query).getOrderingProperties().forEach(saved::orderBy);
			filterService.saveFilter(filter.setQuery(saved));
		}
		if (movedToAnotherModel(filter, query)) {
			// the stage's tasks are in another model now (screening went from
			// idea-to-service to idea-screening)
			filterService.saveFilter(filter.setQuery(query));
		}
		String filterId = filter.getId();
		if (groups.isEmpty()) {
			shareWithEveryone(filterId);
		}
		else {
			groups.forEach(group -> shareWithGroup(filterId, group));
		}
	}

	private static boolean orderedSince(Filter filter, TaskQuery query) {
		return ((TaskQueryImpl) filter.getQuery()).getOrderingProperties().isEmpty()
				&& !((TaskQueryImpl) query).getOrderingProperties().isEmpty();
	}

	private static boolean movedToAnotherModel(Filter filter, TaskQuery query) {
		String saved = ((TaskQueryImpl) filter.getQuery()).getProcessDefinitionKey();
		String wanted = ((TaskQueryImpl) query).getProcessDefinitionKey();
		return saved != null && wanted != null && !saved.equals(wanted);
	}

	private void shareWithEveryone(String filterId) {
		if (authorizationService.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.authorizationType(AUTH_TYPE_GLOBAL)
			.count() == 0) {
			Authorization global = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
			global.setUserId(Authorization.ANY);
			global.setResource(Resources.FILTER);
			global.setResourceId(filterId);
			global.addPermission(Permissions.READ);
			authorizationService.saveAuthorization(global);
		}
	}

	private void shareWithGroup(String filterId, String group) {
		if (authorizationService.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.groupIdIn(group)
			.count() == 0) {
			Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(Resources.FILTER);
			grant.setResourceId(filterId);
			grant.addPermission(Permissions.READ);
			authorizationService.saveAuthorization(grant);
		}
	}

}
