package city.ideatoservice.portal;

import java.util.List;

import city.ideatoservice.idea.IdeaSubmission;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every rejected request gets an RFC 9457 problem with messages a person can act on. */
@RestControllerAdvice(assignableTypes = IdeaApiController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

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
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request is not valid JSON, or a field has a value that is not allowed (theme: MOBILITY, ENVIRONMENT,"
						+ " SOCIAL, URBAN_PLANNING, CULTURE, OTHER; reach: NEIGHBOURHOOD, DISTRICT, CITY).");
		problem.setTitle("The idea could not be read");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(IdeaSubmission.SubmissionRepeatedException.class)
	ProblemDetail repeated(IdeaSubmission.SubmissionRepeatedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

}
