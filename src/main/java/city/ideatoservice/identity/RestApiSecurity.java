package city.ideatoservice.identity;

import java.io.IOException;
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

}
