package city.ideatoservice.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import city.ideatoservice.web.ReadBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a citizen or a program may send to the portal and its API: at most
 * {@link #MAX_BYTES}, far above the longest idea (a description of 4,000 characters is at
 * most 24 KB of JSON). A larger body is refused with 413 before anything reads it: a
 * problem on the API, a page in the citizen's language on the portal. A body without a
 * length (chunked) is read up to the limit, never further.
 */
@Configuration(proxyBeanMethods = false)
class PortalBodyLimit {

	static final int MAX_BYTES = 64 * 1024;

	/** Where a page's too large form is answered (see PortalPages). */
	static final String REFUSED_SIZE = "/portal/refused/size";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> portalBodyLimitFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
					}

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						long length = request.getContentLengthLong();
						if (length > MAX_BYTES) {
							refuse(request, response);
							return;
						}
						if (length < 0) {
							// no length given: read at most one byte more than allowed
							byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
							if (body.length > MAX_BYTES) {
								refuse(request, response);
								return;
							}
							chain.doFilter(new ReadBody(request, body), response);
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/api/*", "/submit", "/track", "/track/*", "/challenges/*", "/jury/*");
		registration.setName("portal-body-limit");
		// after the rate limits: a flood of large bodies is counted too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
		return registration;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader("Connection", "close");
		if (path.startsWith("/api/")) {
			response.setStatus(413);
			response.setContentType("application/problem+json");
			response.getOutputStream()
				.write(("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,\"detail\":"
						+ "\"The request is larger than " + MAX_BYTES / 1024 + " KB. A title has at most 120"
						+ " characters and a description at most 4,000: shorten the text and send it again.\"}")
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		response.setStatus(413);
		request.getRequestDispatcher(REFUSED_SIZE).forward(request, response);
	}

}
