package city.ideatoservice.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the application's own web endpoints as RFC 9457 problems (the portal API adds
 * its own words, see portal.ApiErrors). A refusal keeps its reason; anything unforeseen
 * is logged and answered without a word of it, so that no answer shows a class name, a
 * stored entity or a stack trace. Also for requests that no endpoint takes (a wrong
 * method or content type), hence not limited to our packages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send the request as JSON, with the header Content-Type: application/json.");
		problem.setTitle("Unsupported content type");
		HttpHeaders accept = new HttpHeaders();
		accept.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		return createResponseEntity(problem, accept, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	/**
	 * The engine refused the logged-in user: 403, without the engine's text (it names
	 * permissions and ids).
	 */
	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<Object> notAuthorized(AuthorizationException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Your account may not do this. Ask an administrator if it should.");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
	}

	/**
	 * Another user (on this node or another one) changed the same thing at the same time:
	 * nothing of this request was saved.
	 */
	@ExceptionHandler({ org.camunda.bpm.engine.OptimisticLockingException.class,
			org.springframework.dao.OptimisticLockingFailureException.class })
	ResponseEntity<Object> concurrentChange(Exception ex, WebRequest request) {
		LOG.info("Concurrent change refused for {}: {}", request.getDescription(false), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this at the same time. Nothing was saved; reload and try again.");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		LOG.error("Unexpected failure of {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Nothing was saved; please try again later.");
		problem.setTitle("Server error");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * A problem is always sent as one, whatever the request's Accept and the endpoint's
	 * produces say.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		HttpHeaders withType = new HttpHeaders();
		withType.putAll(headers);
		if (body instanceof ProblemDetail) {
			withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return new ResponseEntity<>(body, withType, statusCode);
	}

}
