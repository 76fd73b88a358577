package city.ideatoservice.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often one client may do what, per client address ({@code request.getRemoteAddr()}):
 * submissions and tracking look-ups on the portal, wrong passwords at the logins. Behind
 * a reverse proxy, {@code server.forward-headers-strategy} must be set so that the
 * address is the client's; an X-Forwarded-For header is not trusted otherwise.
 */
@ConfigurationProperties("idea-to-service.rate-limits")
public record RateLimitProperties(Limit submissions, Limit tracking, Limit failedLogins, LoginDelay loginDelay,
		int maxClients) {

	/**
	 * At most this many requests per period; the tokens come back evenly over the period.
	 */
	public record Limit(int requests, Duration per) {
	}

	/**
	 * After this many wrong passwords for one user from one address, each further try
	 * waits: first this long, then twice as long as the wait before, at most max. A right
	 * password ends the wait.
	 */
	public record LoginDelay(int freeFailures, Duration first, Duration max) {
	}

}
