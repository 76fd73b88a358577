package city.ideatoservice.identity;

import java.io.IOException;

import city.ideatoservice.organisation.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator: health (with its liveness and readiness probes) for everyone; metrics and
 * everything else only for an administrator or an operator, logged in with HTTP Basic and
 * their Camunda account.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAccess {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> actuatorAccessFilter(ProcessEngine engine,
			@Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
		HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String path = request.getRequestURI().substring(request.getContextPath().length());
						if (path.equals(basePath + "/health") || path.startsWith(basePath + "/health/")) {
							chain.doFilter(request, response);
							return;
						}
						AuthenticationResult login = basic.extractAuthenticatedUser(request, engine);
						if (!login.isAuthenticated()) {
							response.setHeader("WWW-Authenticate", "Basic realm=\"actuator\"");
							response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
							return;
						}
						boolean operator = engine.getIdentityService()
							.createGroupQuery()
							.groupMember(login.getAuthenticatedUser())
							.list()
							.stream()
							.anyMatch(group -> Groups.CAMUNDA_ADMIN.equals(group.getId())
									|| Groups.OPERATORS.equals(group.getId()));
						if (!operator) {
							response.sendError(HttpServletResponse.SC_FORBIDDEN);
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns(basePath, basePath + "/*");
		registration.setName("actuator-access");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
		return registration;
	}

}
