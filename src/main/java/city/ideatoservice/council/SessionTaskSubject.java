package city.ideatoservice.council;

import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import city.ideatoservice.tasklist.TaskSubject;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A council task's card names the session its item is in: "2026-12-10 City council" (none
 * before the clerk picked one).
 */
@Component
class SessionTaskSubject implements TaskSubject {

	private final CouncilSessionRepository sessions;

	SessionTaskSubject(CouncilSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Override
	public String of(DelegateTask task) {
		if (!ProcessKeys.COUNCIL_ADOPTION.equals(TaskCards.processKey(task))) {
			return null;
		}
		Object id = task.getVariable(CouncilVariables.COUNCIL_SESSION_ID);
		if (id == null || String.valueOf(id).isBlank()) {
			return null;
		}
		return sessions.findById(Long.valueOf(String.valueOf(id))).map(CouncilSession::label).orElse(null);
	}

}
