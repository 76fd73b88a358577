package city.ideatoservice.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.web.RateLimitProperties;
import city.ideatoservice.web.ReadBody;
import city.ideatoservice.web.RateLimiter;
import city.ideatoservice.web.TooManyRequests;
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
 * Slows down password guessing without locking anybody out for long. Per client address,
 * a budget of wrong passwords (for any user); per user and address, a growing wait after
 * a few wrong passwords. A request over either gets 429 with Retry-After and never
 * reaches the engine, so it does not prolong the engine's own lockout of the user (1 s,
 * doubling up to 60 s; the engine's permanent lockout is off): a guesser at one address
 * cannot keep the account locked, and the user logs in from their own address. Covers the
 * webapps' login form and HTTP Basic on every path.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

	/** A login form is a few dozen bytes; a bigger one is not read for the user name. */
	static final int MAX_FORM_BYTES = 8192;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(RateLimitProperties properties,
			CamundaBpmProperties camunda, Clock clock) {
		RateLimiter failedLogins = new RateLimiter(properties.failedLogins(), properties.maxClients());
		Delays delays = new Delays(properties.loginDelay(), properties.maxClients(), clock);
		String loginPath = camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/";
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String address = request.getRemoteAddr();
						String path = request.getRequestURI().substring(request.getContextPath().length());
						String user = basicUser(request);
						if (user == null && "POST".equals(request.getMethod()) && path.startsWith(loginPath)
								&& path.contains("/login/")) {
							byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES);
							user = formUser(form, request.getCharacterEncoding());
							request = new ReadBody(request, form);
						}
						if (user != null) {
							Optional<Duration> wait = failedLogins.waitFor(address);
							if (wait.isPresent()) {
								TooManyRequests.send(response, wait.get(), "Too many failed logins from your address.");
								return;
							}
							wait = delays.waitFor(user, address);
							if (wait.isPresent()) {
								TooManyRequests.send(response, wait.get(), "Too many failed logins for this user.");
								return;
							}
						}
						Map<String, Boolean> checked = PasswordChecks.record();
						try {
							chain.doFilter(request, response);
						}
						finally {
							PasswordChecks.stop();
							checked.forEach((checkedUser, right) -> {
								if (right) {
									delays.succeeded(checkedUser, address);
								}
								else {
									delays.failed(checkedUser, address);
									failedLogins.tryTake(address);
								}
							});
						}
					}
				});
		registration.setName("login-throttle");
		// before the engine's REST authentication, the webapps' filters and actuator
		// access
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	static String basicUser(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			return colon > 0 ? credentials.substring(0, colon) : null;
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	static String formUser(byte[] form, String encoding) {
		Charset charset = StandardCharsets.UTF_8;
		try {
			if (encoding != null) {
				charset = Charset.forName(encoding);
			}
			for (String pair : new String(form, charset).split("&")) {
				if (pair.startsWith("username=")) {
					String user = URLDecoder.decode(pair.substring(9), charset);
					return user.isEmpty() ? null : user;
				}
			}
		}
		catch (IllegalArgumentException unreadable) {
			// an unknown charset or a broken %-escape: the engine refuses this login
			// anyway
		}
		return null;
	}

	/**
	 * Wrong passwords per user and address, and until when the next try must wait.
	 * Bounded like RateLimiter.
	 */
	static final class Delays {

		private record Failures(int count, Instant last, Instant waitUntil) {
		}

		private final RateLimitProperties.LoginDelay settings;

		private final Clock clock;

		private final Map<String, Failures> failures;

		Delays(RateLimitProperties.LoginDelay settings, int maxClients, Clock clock) {
			this.settings = settings;
			this.clock = clock;
			this.failures = new LinkedHashMap<>(256, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
					return size() > maxClients;
				}
			};
		}

		synchronized Optional<Duration> waitFor(String user, String address) {
			Failures known = failures.get(key(user, address));
			Instant now = clock.instant();
			return known == null || !known.waitUntil().isAfter(now) ? Optional.empty()
					: Optional.of(Duration.between(now, known.waitUntil()));
		}

		synchronized void failed(String user, String address) {
			Instant now = clock.instant();
			Failures known = failures.get(key(user, address));
			// failures long ago are forgotten
			int count = known == null || known.last().plus(settings.max()).isBefore(now) ? 1 : known.count() + 1;
			Instant waitUntil = now;
			if (count >= settings.freeFailures()) {
				int doublings = Math.min(count - settings.freeFailures(), 30);
				Duration wait = settings.first().multipliedBy(1L << doublings);
				waitUntil = now.plus(wait.compareTo(settings.max()) > 0 ? settings.max() : wait);
			}
			failures.put(key(user, address), new Failures(count, now, waitUntil));
		}

		synchronized void succeeded(String user, String address) {
			failures.remove(key(user, address));
		}

		private static String key(String user, String address) {
			return address + "\n" + user;
		}

	}

}
