package city.ideatoservice.council;

import java.time.LocalDate;

import city.ideatoservice.form.FormValidation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Reads a session chosen in a form: the form offers the coming council sessions of the
 * calendar as they were when the task was created; by the time it is completed, a session
 * may be over.
 */
@Component
class CouncilSessions {

	private final CouncilSessionRepository sessions;

	private final FormValidation forms;

	CouncilSessions(CouncilSessionRepository sessions, FormValidation forms) {
		this.sessions = sessions;
		this.forms = forms;
	}

	CouncilSession comingCouncilSession(DelegateTask task, String field, LocalDate notBefore) {
		CouncilSession session;
		try {
			session = sessions.findById(Long.valueOf(String.valueOf(task.getVariable(field)))).orElse(null);
		}
		catch (NumberFormatException ex) {
			session = null;
		}
		if (session == null || !CouncilSession.COUNCIL.equals(session.body())) {
			throw forms.invalid(task, field, "choose a council session from the calendar.");
		}
		if (session.sessionDate().isBefore(notBefore)) {
			throw forms.invalid(task, field,
					"the session of " + session.sessionDate() + " is over; choose a coming one.");
		}
		return session;
	}

	CouncilSession require(Object id) {
		return sessions.findById(Long.valueOf(String.valueOf(id))).orElseThrow();
	}

}
