package city.ideatoservice.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST API answers a failure it did not foresee (5xx) with the exception's
 * text, which may name a Java class or show stored data (a delegate's
 * "java.lang.IllegalStateException: No idea with reference ...", a data access error with
 * the entity it tried to write). Such an answer keeps its status and gets a message in
 * words with a reference; the log has the original under that reference. A form field the
 * engine refused is the client's mistake: 400 with the field's message. A conflict with
 * another user's change (optimistic locking, a task completed meanwhile) is a 409, on one
 * node as in a cluster. Refusals (4xx) keep the engine's words: they are meant for the
 * client. Tasklist, Cockpit and Admin use their own copy of the REST API: the same words
 * there.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

	private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

	/**
	 * The kinds of failure Camunda's REST API documents; any other type would be a class
	 * name of ours or a library's.
	 */
	static final Set<String> CAMUNDA_TYPES = Set.of("ProcessEngineException", "RestException",
			"InvalidRequestException", "OptimisticLockingException");

	@Bean
	ResourceConfigCustomizer engineRestErrorMessages() {
		return config -> config.register(WordsNotClasses.class);
	}

	/**
	 * The answer to a 5xx of the engine's REST API: status, type and message in words.
	 * The same rule serves /engine-rest (a Jersey filter) and the webapps' own copy of
	 * the API (a servlet filter, as that copy is not a Jersey application we can
	 * configure).
	 */
	record Answer(int status, String type, String message) {

		static Answer of(String method, String path, String type, String message) {
			if ("FormFieldValidationException".equals(type)) {
				return new Answer(400, "RestException", message);
			}
			if (String.valueOf(message).contains("Password does not match policy")) {
				// Admin's "create user" form: the administrator's mistake, not the
				// server's
				return new Answer(400, "RestException", "The password does not follow the password policy: at least"
						+ " ten characters with upper and lower case letters, a digit and a special character, and"
						+ " not the user's name.");
			}
			String reference = UUID.randomUUID().toString().substring(0, 8);
			LOG.warn("Engine REST API: {} {} failed (reference {}): {}: {}", method, path, reference, type, message);
			String text = String.valueOf(message);
			boolean concurrent = "OptimisticLockingException".equals(type) || text.contains("ENGINE-03005");
			// two clerks completing one task (on one node or two): the second finds it
			// changed (optimistic locking) or gone; neither is a failure of the server
			if (concurrent) {
				return new Answer(409, "OptimisticLockingException",
						"Someone else changed this at the same time. Reload and try again.");
			}
			if (text.contains("Cannot find task with id")) {
				return new Answer(409, "RestException", "This task is no longer open: someone else completed it,"
						+ " or the idea moved on. Reload your tasks.");
			}
			return new Answer(500, CAMUNDA_TYPES.contains(type) ? type : "ProcessEngineException",
					"The server could not complete the request. If it happens again, tell the operators this"
							+ " reference: " + reference + ".");
		}

	}

	@Priority(Priorities.USER)
	static class WordsNotClasses implements ContainerResponseFilter {

		@Override
		public void filter(ContainerRequestContext request, ContainerResponseContext response) {
			if (response.getStatus() < 500 || !(response.getEntity() instanceof ExceptionDto error)) {
				return;
			}
			Answer answer = Answer.of(request.getMethod(), request.getUriInfo().getPath(), error.getType(),
					error.getMessage());
			response.setStatus(answer.status() == 500 ? response.getStatus() : answer.status());
			error.setType(answer.type());
			error.setMessage(answer.message());
		}

	}

	/** The same for the Tasklist's, Cockpit's and Admin's own copy of the REST API. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappApiErrorsFilter(CamundaBpmProperties camunda,
			ObjectMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
						chain.doFilter(request, wrapper);
						int status = wrapper.getStatus();
						byte[] body = wrapper.getContentAsByteArray();
						if (status >= 500) {
							ObjectNode error = json.createObjectNode();
							try {
								if (body.length > 0 && json.readTree(body) instanceof ObjectNode engine) {
									error = engine;
								}
							}
							catch (IOException notJson) {
								// an HTML or text page of the servlet container: replaced
								// below
							}
							Answer answer = Answer.of(request.getMethod(), request.getRequestURI(),
									error.path("type").asText(null), error.path("message").asText(null));
							ObjectNode words = json.createObjectNode()
								.put("type", answer.type())
								.put("message", answer.message());
							wrapper.resetBuffer();
							wrapper.setStatus(answer.status() == 500 ? status : answer.status());
							wrapper.setContentType("application/json");
							wrapper.getOutputStream()
								.write(json.writeValueAsString(words).getBytes(StandardCharsets.UTF_8));
						}
						wrapper.copyBodyToResponse();
					}
				});
		registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/*");
		registration.setName("webapp-api-errors");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 40);
		return registration;
	}

}
