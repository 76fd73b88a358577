package city.ideatoservice.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's protections on the application's own pages and APIs (the register, the
 * portal API, the staff API, the engine's REST API, actuator): nothing from other
 * origins, no framing, no content sniffing, no Referer (a tracking code is part of a
 * URL). Not on Camunda's webapps (Tasklist, Cockpit, Admin): they send their own headers,
 * and a stricter policy would break them. A servlet filter, as there is no Spring
 * Security in the application.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none';"
			+ " frame-ancestors 'none'; form-action 'self'";

	/**
	 * Swagger UI (the API's documentation at /api/docs) sets styles from its scripts and
	 * draws its icons as data: images; its scripts stay our own files.
	 */
	static final String API_DOCS_POLICY = CONTENT_SECURITY_POLICY + "; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter(CamundaBpmProperties camunda) {
		String webapps = camunda.getWebapp().getApplicationPath() + "/";
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String path = request.getRequestURI().substring(request.getContextPath().length());
						if (!path.startsWith(webapps)) {
							response.setHeader("Content-Security-Policy",
									path.contains("/swagger-ui/") ? API_DOCS_POLICY : CONTENT_SECURITY_POLICY);
							response.setHeader("X-Content-Type-Options", "nosniff");
							response.setHeader("X-Frame-Options", "DENY");
							response.setHeader("Referrer-Policy", "no-referrer");
						}
						if (path.startsWith("/api/ideas") || path.startsWith("/track") || path.startsWith("/submit")
								|| path.startsWith("/api/challenges") || path.startsWith("/challenges")) {
							// answers with a tracking code: no copy in a shared or
							// browser cache
							response.setHeader("Cache-Control", "no-store");
						}
						chain.doFilter(request, response);
					}
				});
		registration.setName("security-headers");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
