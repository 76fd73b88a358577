package city.ideatoservice.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import city.ideatoservice.web.RateLimitProperties;
import city.ideatoservice.web.RateLimiter;
import city.ideatoservice.web.TooManyRequests;
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
 * Per client address: so many submissions, and so many requests with a tracking code
 * (look-ups, answers, withdrawals: guessing codes is slow), per period; then 429 with
 * Retry-After. Every request counts, the refused ones too. The pages count on the same
 * limits as the API ({@code /submit}, {@code /track...}), with a page instead of a
 * problem.
 */
@Configuration(proxyBeanMethods = false)
class PortalRateLimits {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> portalRateLimitFilter(RateLimitProperties properties) {
		RateLimiter submissions = new RateLimiter(properties.submissions(), properties.maxClients());
		RateLimiter tracking = new RateLimiter(properties.tracking(), properties.maxClients());
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String path = request.getRequestURI().substring(request.getContextPath().length());
						Optional<Duration> wait = Optional.empty();
						String what = null;
						boolean page = false;
						if (path.startsWith("/api/ideas/tracking/")) {
							wait = tracking.tryTake(request.getRemoteAddr());
							what = "Too many look-ups from your address.";
						}
						else if ("POST".equals(request.getMethod())
								&& ("/api/ideas".equals(path) || "/api/ideas/".equals(path))) {
							wait = submissions.tryTake(request.getRemoteAddr());
							what = "Too many ideas from your address.";
						}
						else if ("POST".equals(request.getMethod()) && path.startsWith("/api/challenges/")
								&& path.endsWith("/entries")) {
							wait = submissions.tryTake(request.getRemoteAddr());
							what = "Too many entries from your address.";
						}
						else if ("POST".equals(request.getMethod()) && path.startsWith("/challenges/")
								&& path.endsWith("/enter")) {
							wait = submissions.tryTake(request.getRemoteAddr());
							page = true;
						}
						else if ("/track".equals(path) || path.startsWith("/track/")) {
							wait = tracking.tryTake(request.getRemoteAddr());
							page = true;
						}
						else if ("POST".equals(request.getMethod()) && "/submit".equals(path)) {
							wait = submissions.tryTake(request.getRemoteAddr());
							page = true;
						}
						if (wait.isPresent() && page) {
							// the citizens' pages: a page in their language that says how
							// long
							long seconds = TooManyRequests.seconds(wait.get());
							response.setHeader("Retry-After", Long.toString(seconds));
							request.setAttribute(PortalPages.RETRY_AFTER_ATTRIBUTE, seconds);
							request.getRequestDispatcher(PortalPages.REFUSED_RATE).forward(request, response);
							return;
						}
						if (wait.isPresent()) {
							TooManyRequests.send(response, wait.get(), what);
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/api/ideas", "/api/ideas/*", "/api/challenges/*", "/challenges/*", "/submit",
				"/track", "/track/*");
		registration.setName("portal-rate-limits");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
