package city.ideatoservice.web;

import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API answers a failure it did not foresee (5xx) with the exception's
 * text, which may name a Java class or show stored data (a delegate's
 * "java.lang.IllegalStateException: No idea with reference ...", a data access error with
 * the entity it tried to write). Such an answer keeps its status and gets a message in
 * words with a reference; the log has the original under that reference. A form field the
 * engine refused is the client's mistake: 400 with the field's message. A conflict with
 * another user's change (optimistic locking, a task completed meanwhile) is a 409, on one
 * node as in a cluster. Refusals (4xx) keep the engine's words: they are meant for the
 * client. Tasklist, Cockpit and Admin use their own copy of the REST API, which this does
 * not change.
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

	@Priority(Priorities.USER)
	static class WordsNotClasses implements ContainerResponseFilter {

		@Override
		public void filter(ContainerRequestContext request, ContainerResponseContext response) {
			if (response.getStatus() < 500 || !(response.getEntity() instanceof ExceptionDto error)) {
				return;
			}
			if ("FormFieldValidationException".equals(error.getType())) {
				response.setStatus(400);
				error.setType("RestException");
				return;
			}
			String reference = UUID.randomUUID().toString().substring(0, 8);
			LOG.warn("Engine REST API: {} {} failed (reference {}): {}: {}", request.getMethod(),
					request.getUriInfo().getPath(), reference, error.getType(), error.getMessage());
			String message = String.valueOf(error.getMessage());
			boolean concurrent = "OptimisticLockingException".equals(error.getType())
					|| message.contains("ENGINE-03005");
			// two clerks completing one task (on one node or two): the second finds it
			// changed (optimistic locking) or gone; neither is a failure of the server
			if (concurrent || message.contains("Cannot find task with id")) {
				response.setStatus(409);
				error.setType(concurrent ? "OptimisticLockingException" : "RestException");
				error.setMessage(concurrent ? "Someone else changed this at the same time. Reload and try again."
						: "This task is no longer open: someone else completed it, or the idea moved on."
								+ " Reload your tasks.");
				return;
			}
			error.setMessage("The server could not complete the request. If it happens again, tell the operators this"
					+ " reference: " + reference + ".");
			if (!CAMUNDA_TYPES.contains(error.getType())) {
				error.setType("ProcessEngineException");
			}
		}

	}

}
