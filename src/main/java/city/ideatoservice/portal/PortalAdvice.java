package city.ideatoservice.portal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every citizens' page has: the language switch to the same page, and errors as
 * pages in the page's language (not the API's JSON problems; no word of the exception).
 */
@ControllerAdvice(assignableTypes = { PortalPages.class, TrackingPages.class, JuryPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

	private static final Logger LOG = LoggerFactory.getLogger(PortalAdvice.class);

	@ModelAttribute
	void languageSwitch(Model model, Locale locale, HttpServletRequest request) {
		String other = Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? "en" : "de";
		// a GET keeps its query (the board's filters); the answer to a form switches to
		// the page itself
		String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		model.addAttribute("switchLanguage", other);
		model.addAttribute("switchUrl",
				UriComponentsBuilder.fromPath(request.getRequestURI())
					.query(query)
					.replaceQueryParam(PortalWeb.LANGUAGE_PARAMETER, other)
					.build(true)
					.toUriString());
	}

	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		LOG.error("Unexpected failure of the page {} {}", request.getMethod(), request.getRequestURI(), ex);
		response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		return "portal/error";
	}

}
