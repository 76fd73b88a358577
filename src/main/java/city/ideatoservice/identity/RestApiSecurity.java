package city.ideatoservice.identity;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import city.ideatoservice.organisation.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API and the staff API answer only authenticated users (HTTP Basic,
 * their Camunda account), under their own authorizations.
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurity {

	/**
	 * The password check, of the default engine or a named one, as Jersey matches it (a
	 * trailing slash too).
	 */
	static final Pattern VERIFY = Pattern.compile("(/engine/[^/]+)?/identity/verify/*");

	/**
	 * The engine's generic writes a task holder must not use: what a task writes is its
	 * form's business (submit-form, complete), errors and escalations are thrown by the
	 * model's own delegates, who works on a task is the model's, and running ideas are
	 * not changed, deleted or sent messages by hand. Method and path inside the REST API,
	 * of the default engine or a named one, with or without a trailing slash.
	 */
	static final String SHIPPED = "the models are deployed with the application";

	static final List<Door> SIDE_DOORS = List.of(
			new Door("task variables", "PUT|POST|DELETE", "/task/[^/]+/(variables|localVariables)(/.*)?"),
			new Door("errors and escalations on tasks", "POST", "/task/[^/]+/(bpmnError|bpmnEscalation)"),
			new Door("who works on a task", "POST", "/task/[^/]+/identity-links(/delete)?"),
			new Door("execution variables", "PUT|POST|DELETE", "/execution/[^/]+/localVariables(/.*)?"),
			new Door("process variables", "PUT|POST|DELETE", "/process-instance/[^/]+/variables(/.*)?"),
			new Door("process variables", "POST", "/process-instance/variables-async"),
			new Door("process instance changes", "POST", "/process-instance/[^/]+/modification(-async)?"),
			new Door("process instance deletion", "DELETE", "/process-instance/[^/]+"),
			new Door("process instance deletion", "POST", "/process-instance/delete(-historic-query-based)?"),
			new Door("messages and signals", "POST",
					"/(message|signal|execution/[^/]+/(signal|messageSubscriptions/[^/]+/trigger))"),
			// start checks the values of the start form only through submit-form; start
			// and restart also take instructions that skip listeners and mappings
			new Door("how a process starts", "POST",
					"/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|restart(-async)?)",
					"use the start form"),
			// the models ship with the application and are reviewed like code: no
			// deployment over HTTP, not even by the administrator (an expression in a
			// deployed model runs on the server)
			new Door("deployments", "POST", "/deployment/(create|[^/]+/redeploy)", SHIPPED, true),
			new Door("deployments", "DELETE", "/deployment/[^/]+", SHIPPED, true));

	/**
	 * A refused door: its methods and path, matched without case (Jersey's paths); open
	 * to the administrator unless closed to everyone.
	 */
	record Door(String what, Pattern methods, Pattern path, String instead, boolean closedToAll) {

		Door(String what, String methods, String path) {
			this(what, methods, path, "use the task's form");
		}

		Door(String what, String methods, String path, String instead) {
			this(what, methods, path, instead, false);
		}

		Door(String what, String methods, String path, String instead, boolean closedToAll) {
			this(what, Pattern.compile(methods),
					Pattern.compile("(/engine/[^/]+)?" + path + "/*", Pattern.CASE_INSENSITIVE), instead, closedToAll);
		}

		boolean matches(String method, String pathInfo) {
			return methods.matcher(method).matches() && path.matcher(pathInfo).matches();
		}

	}

	/** The side door this request would use, if any. */
	static java.util.Optional<Door> sideDoor(String method, String pathInfo) {
		String path = pathInfo == null ? "" : pathInfo;
		return SIDE_DOORS.stream().filter(door -> door.matches(method, path)).findFirst();
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*", "/api/staff/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.setName("camunda-rest-authentication");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

	/**
	 * {@code POST /engine-rest/identity/verify} checks any user's password (and counts a
	 * wrong one towards their lockout): the administrator's tool, refused to everyone
	 * else. Runs after the authentication above.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> passwordVerificationForAdministrators(ProcessEngine engine) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String path = request.getPathInfo() == null ? "" : request.getPathInfo();
						if (!VERIFY.matcher(path).matches()) {
							chain.doFilter(request, response);
							return;
						}
						Authentication user = engine.getIdentityService().getCurrentAuthentication();
						if (user == null || user.getGroupIds() == null
								|| !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
							response.setStatus(HttpServletResponse.SC_FORBIDDEN);
							response.setContentType("application/json");
							response.setCharacterEncoding("UTF-8");
							// the shape of the engine's own refusals
							response.getWriter()
								.write("{\"type\":\"AuthorizationException\",\"message\":"
										+ "\"Only an administrator may verify a user's password.\"}");
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/engine-rest/*");
		registration.setName("password-verification-for-administrators");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 90);
		return registration;
	}

	/**
	 * The side doors (SIDE_DOORS) are the administrator's, in the REST API and in the
	 * webapps' copy of it that Tasklist and Cockpit call: 403 for everyone else. Runs
	 * after the authentication above; the webapps' user is read from their session.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sideDoorsForAdministrators(ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						java.util.Optional<Door> door = sideDoor(request.getMethod(), request.getPathInfo());
						if (door.isEmpty() || !door.get().closedToAll()
								&& groupsOf(request, engine).contains(Groups.CAMUNDA_ADMIN)) {
							chain.doFilter(request, response);
							return;
						}
						response.setStatus(HttpServletResponse.SC_FORBIDDEN);
						response.setContentType("application/json");
						response.setCharacterEncoding("UTF-8");
						String who = door.get().closedToAll() ? "Nobody may change "
								: "Only an administrator may change ";
						response.getWriter()
							.write("{\"type\":\"AuthorizationException\",\"message\":\"" + who + door.get().what()
									+ " through the API; " + door.get().instead() + ".\"}");
					}
				});
		registration.addUrlPatterns("/engine-rest/*", webapps + "/api/engine/*");
		registration.setName("side-doors-for-administrators");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 80);
		return registration;
	}

	/**
	 * The groups of the request's user: of the REST API's HTTP Basic login, or of the
	 * webapps' session.
	 */
	static List<String> groupsOf(HttpServletRequest request, ProcessEngine engine) {
		Authentication user = engine.getIdentityService().getCurrentAuthentication();
		if (user != null) {
			return user.getGroupIds() == null ? List.of() : user.getGroupIds();
		}
		Authentications session = request.getSession(false) == null ? null
				: AuthenticationUtil.getAuthsFromSession(request.getSession(false));
		if (session != null
				&& session.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication webappUser
				&& webappUser.getGroupIds() != null) {
			return webappUser.getGroupIds();
		}
		return List.of();
	}

}
