package city.ideatoservice.portal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.web.ProblemResponses;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every rejected request gets an RFC 9457 problem with messages a person can act on, in
 * the API's own words: never a class name, a parser's message or a stored entity. Before
 * the application-wide {@link ProblemResponses}, which it extends.
 */
@RestControllerAdvice(assignableTypes = IdeaApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ProblemResponses {

	private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{1,100})'");

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join(" ", errors));
		problem.setTitle("The idea could not be accepted");
		problem.setProperty("errors", errors);
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(ex.getCause()));
		problem.setTitle("The request could not be read");
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A query parameter of the wrong kind: "theme=0", "page=two". */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName() == null ? "A parameter"
				: "The parameter \"" + shorten(ex.getPropertyName()) + "\"";
		Class<?> type = ex.getRequiredType();
		String detail = type != null && type.isEnum() ? name + " must be one of " + values(type) + "."
				: name + (type == int.class || type == Integer.class ? " must be a whole number." : " is not valid.");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("The request could not be read");
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A query parameter out of its bounds: "page=0", a search of 500 characters. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(
			org.springframework.web.method.annotation.HandlerMethodValidationException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
			.sorted()
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join(" ", errors));
		problem.setTitle("The request could not be accepted");
		problem.setProperty("errors", errors);
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(IdeaSubmission.SubmissionRepeatedException.class)
	ResponseEntity<Object> inProgress(IdeaSubmission.SubmissionRepeatedException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Still being processed");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return createResponseEntity(problem, headers, HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(IdeaSubmission.IdempotencyKeyReusedException.class)
	ResponseEntity<Object> keyReused(IdeaSubmission.IdempotencyKeyReusedException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setTitle("Idempotency-Key used for another idea");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_ENTITY, request);
	}

	/**
	 * What was wrong with a body that could not be read as the expected JSON object, in
	 * the API's words.
	 */
	static String unreadable(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "The field \"" + shorten(unknown.getPropertyName()) + "\" is not known. Send only these fields: "
					+ unknown.getKnownPropertyIds()
						.stream()
						.map(Object::toString)
						.sorted()
						.collect(Collectors.joining(", "))
					+ ".";
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return field(invalid) + " must be one of " + values(invalid.getTargetType()) + ".";
		}
		if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
				&& !mismatch.getPath().isEmpty()) {
			Class<?> type = mismatch.getTargetType();
			return field(mismatch) + (type.isEnum() ? " must be one of " + values(type) : " must be text") + ".";
		}
		if (cause instanceof MismatchedInputException trailing
				&& String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
			return "There is more after the end of the JSON object. Send exactly one JSON object.";
		}
		if (cause instanceof JsonParseException parse) {
			Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
			if (duplicate.find()) {
				return "The field \"" + shorten(duplicate.group(1))
						+ "\" appears more than once. Send each field once.";
			}
		}
		if (cause instanceof JsonEOFException) {
			return "The request is not valid JSON: it ends too early. Send one complete JSON object.";
		}
		if (cause instanceof MismatchedInputException) {
			return "Send one JSON object with the fields of the request.";
		}
		if (cause instanceof JsonProcessingException) {
			return "The request is not valid JSON. Send one JSON object with the fields of the request.";
		}
		return "The request has no readable body. Send one JSON object with the fields of the request.";
	}

	private static String field(JsonMappingException ex) {
		String name = ex.getPath()
			.stream()
			.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
		return "The field \"" + shorten(name) + "\"";
	}

	private static String values(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants())
			.map(constant -> ((Enum<?>) constant).name())
			.collect(Collectors.joining(", "));
	}

	/** A field name is the client's text: never more than a few words of it go back. */
	private static String shorten(String text) {
		String printable = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
		return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
	}

}
