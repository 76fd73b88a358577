package city.ideatoservice.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to a client over its limit: 429, Retry-After in whole seconds, and a problem
 * that says so.
 */
public final class TooManyRequests {

	private TooManyRequests() {
	}

	public static void send(HttpServletResponse response, Duration wait, String what) throws IOException {
		long seconds = seconds(wait);
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,\"detail\":\"" + what
					+ " Try again in " + seconds + " seconds.\"}");
	}

	/** A wait in whole seconds, at least one. */
	public static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
