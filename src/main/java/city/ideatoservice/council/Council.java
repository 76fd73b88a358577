package city.ideatoservice.council;

import java.time.ZoneId;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The model's view of the council: {@code ${council.maxDeferrals()}} and the timer that
 * waits for a session, {@code ${council.sessionStart(councilSessionId)}}.
 */
@Component("council")
public class Council {

	private final CouncilSessionRepository sessions;

	private final int maxDeferrals;

	Council(CouncilSessionRepository sessions, @Value("${idea-to-service.council.max-deferrals}") int maxDeferrals) {
		this.sessions = sessions;
		this.maxDeferrals = maxDeferrals;
	}

	public int maxDeferrals() {
		return maxDeferrals;
	}

	/** The morning of the session: the vote is recorded from then on. */
	public Date sessionStart(Object sessionId) {
		CouncilSession session = sessions.findById(Long.valueOf(String.valueOf(sessionId))).orElseThrow();
		return Date.from(session.sessionDate().atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

}
