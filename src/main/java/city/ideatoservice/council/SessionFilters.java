package city.ideatoservice.council;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.Map;

import city.ideatoservice.organisation.Groups;
import city.ideatoservice.tasklist.TaskCards;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Council session 2026-12-10": a Tasklist filter with the clerks' tasks of the items
 * scheduled into a council session. The application's own filter, shared with all clerks,
 * so it is created without the clerk's permissions.
 */
@Component
public class SessionFilters {

	private static final String PREFIX = "Council session ";

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	SessionFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
			ProcessEngine engine) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
	}

	public void createFor(CouncilSession session) {
		engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
			create(session);
			return null;
		}));
	}

	private void create(CouncilSession session) {
		Filter filter = filterService.newTaskFilter(name(session))
			.setQuery(taskService.createTaskQuery()
				.processDefinitionKey("council-adoption")
				.processVariableValueEquals("councilSessionId", String.valueOf(session.id()))
				.taskCandidateGroup(Groups.COUNCIL_CLERKS)
				.includeAssignedTasks())
			.setProperties(properties(session));
		filterService.saveFilter(filter);
		Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
		grant.setGroupId(Groups.COUNCIL_CLERKS);
		grant.setResource(Resources.FILTER);
		grant.setResourceId(filter.getId());
		grant.addPermission(Permissions.READ);
		authorizationService.saveAuthorization(grant);
	}

	/** The filter follows its session to another date, or goes with it. */
	public void moved(CouncilSession before, CouncilSession after) {
		asApplication(() -> filterService.createFilterQuery()
			.filterName(name(before))
			.list()
			.forEach(filter -> filterService.saveFilter(filter.setName(name(after)).setProperties(properties(after)))));
	}

	/**
	 * The session filters of an existing database show what a card shows now (a release
	 * may show other variables).
	 */
	@EventListener
	public void onEngineReady(ApplicationReadyEvent event) {
		asApplication(() -> filterService.createFilterQuery()
			.filterNameLike(PREFIX + "%")
			.list()
			.stream()
			.filter(filter -> !TaskCards.VARIABLES.equals(filter.getProperties().get("variables")))
			.forEach(filter -> {
				Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
				properties.put("variables", TaskCards.VARIABLES);
				filterService.saveFilter(filter.setProperties(properties));
			}));
	}

	private static Map<String, Object> properties(CouncilSession session) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", "Agenda items of the council session of " + session.sessionDate());
		properties.put("priority", 30);
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		properties.put("variables", TaskCards.VARIABLES);
		return properties;
	}

	public void cancelled(CouncilSession session) {
		asApplication(() -> filterService.createFilterQuery()
			.filterName(name(session))
			.list()
			.forEach(filter -> filterService.deleteFilter(filter.getId())));
	}

	/** Engine work of the application, not under the clerk's own permissions. */
	void asApplication(Runnable work) {
		engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
			work.run();
			return null;
		}));
	}

	private static String name(CouncilSession session) {
		return PREFIX + session.sessionDate();
	}

}
