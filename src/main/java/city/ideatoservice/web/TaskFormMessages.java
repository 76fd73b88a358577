package city.ideatoservice.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused task form says what to correct, not which task it was: the engine's REST API
 * prefixes our message with "Cannot submit task form 8a49…-…: ", and the Tasklist shows
 * it so. Its own copy of the REST API is not a Jersey application we can configure, so a
 * servlet filter rewrites the message of a refused submit-form (4xx), in the Tasklist's
 * API and in /engine-rest alike. Other answers pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class TaskFormMessages {

	static final Pattern PREFIX = Pattern.compile("^Cannot submit task form [^:]+: (.+)$", Pattern.DOTALL);

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> taskFormMessagesFilter(CamundaBpmProperties camunda,
			ObjectMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
					}

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
						chain.doFilter(request, wrapper);
						byte[] body = wrapper.getContentAsByteArray();
						int status = wrapper.getStatus();
						if (status >= 400 && status < 500 && body.length > 0 && wrapper.getContentType() != null
								&& wrapper.getContentType().contains("json")) {
							try {
								if (json.readTree(body) instanceof ObjectNode error && error.hasNonNull("message")) {
									Matcher prefixed = PREFIX.matcher(error.get("message").asText());
									if (prefixed.matches()) {
										error.put("message", prefixed.group(1));
										wrapper.resetBuffer();
										wrapper.getOutputStream()
											.write(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
									}
								}
							}
							catch (IOException notJson) {
								// not the engine's error shape: leave it
							}
						}
						wrapper.copyBodyToResponse();
					}
				});
		registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
		registration.setName("task-form-messages");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
		return registration;
	}

}
