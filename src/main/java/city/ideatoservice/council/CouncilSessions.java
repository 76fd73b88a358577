package city.ideatoservice.council;

import java.time.LocalDate;

import city.ideatoservice.process.FormInput;
import org.springframework.stereotype.Component;

/** Reads a session chosen in a form: it must be a council session of the calendar, not in the past. */
@Component
class CouncilSessions {

	private final CouncilSessionRepository sessions;

	CouncilSessions(CouncilSessionRepository sessions) {
		this.sessions = sessions;
	}

	CouncilSession comingCouncilSession(FormInput input, String field, LocalDate notBefore) {
		String id = input.requiredText(field, 20);
		CouncilSession session;
		try {
			session = sessions.findById(Long.valueOf(id)).orElse(null);
		}
		catch (NumberFormatException ex) {
			session = null;
		}
		if (session == null || !CouncilSession.COUNCIL.equals(session.body())) {
			throw FormInput.invalid(field, "Choose a council session from the calendar.");
		}
		if (session.sessionDate().isBefore(notBefore)) {
			throw FormInput.invalid(field, "The session of " + session.sessionDate() + " is over; choose a coming one.");
		}
		return session;
	}

	CouncilSession require(Object id) {
		return sessions.findById(Long.valueOf(String.valueOf(id))).orElseThrow();
	}

}
