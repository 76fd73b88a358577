package city.ideatoservice.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's plugin API ({@code /camunda/api/cockpit/...}: process instances, incidents,
 * variables across all ideas) answers only users who may open Cockpit: the webapps check
 * a login there, not the application. A request without a webapp login goes on to
 * Camunda's own 401.
 */
@Configuration(proxyBeanMethods = false)
class CockpitApiAccess {

	static final String COCKPIT = "cockpit";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> cockpitApiForCockpitUsers(ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new CockpitOnly(engine));
		registration.addUrlPatterns(webapps + "/api/cockpit/*");
		registration.setName("cockpit-api-for-cockpit-users");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 70);
		return registration;
	}

	static final class CockpitOnly extends OncePerRequestFilter {

		private final ProcessEngine engine;

		CockpitOnly(ProcessEngine engine) {
			this.engine = engine;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null
					&& AuthenticationUtil.getAuthsFromSession(session)
						.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
					&& !user.isAuthorizedForApp(COCKPIT)) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType("application/json");
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write("{\"type\":\"AuthorizationException\",\"message\":\"Cockpit's data is for the users "
							+ "who may open Cockpit.\"}");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
