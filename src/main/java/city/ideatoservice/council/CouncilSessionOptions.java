package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.COUNCIL_SESSION_ID;
import static city.ideatoservice.council.CouncilVariables.COUNCIL_SESSION_LABEL;
import static city.ideatoservice.council.CouncilVariables.SEATS;
import static city.ideatoservice.council.CouncilVariables.SESSION_OPTIONS;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessKeys;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * A clerk's council task shows the coming council sessions to choose from, and the
 * session the item is in.
 */
@Component
public class CouncilSessionOptions implements TaskListener {

	private final CouncilSessionRepository sessions;

	private final Clock clock;

	CouncilSessionOptions(CouncilSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	/** The coming council sessions, as a select's options. */
	JsonValue comingSessions() {
		return JsonVariables.list(sessions
			.findByBodyAndSessionDateGreaterThanEqualOrderBySessionDate(CouncilSession.COUNCIL, LocalDate.now(clock))
			.stream()
			.map(session -> Map.of("label", session.label() + " (" + session.seats() + " seats)", "value",
					String.valueOf(session.id())))
			.toList());
	}

	/**
	 * A change of the calendar reaches the clerks' open tasks: their list of sessions is
	 * read again (the form offers what it had when the task was created).
	 */
	void refreshOpenTasks(TaskService tasks) {
		JsonValue coming = comingSessions();
		tasks.createTaskQuery()
			.processDefinitionKey(ProcessKeys.COUNCIL_ADOPTION)
			.list()
			.stream()
			.filter(task -> tasks.getVariableLocal(task.getId(), SESSION_OPTIONS) != null)
			.forEach(task -> tasks.setVariableLocal(task.getId(), SESSION_OPTIONS, coming));
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariableLocal(SESSION_OPTIONS, comingSessions());
		Object current = task.getVariable(COUNCIL_SESSION_ID);
		if (current != null) {
			sessions.findById(Long.valueOf(String.valueOf(current))).ifPresent(session -> {
				task.setVariableLocal(COUNCIL_SESSION_LABEL, session.label());
				task.setVariableLocal(SEATS, session.seats());
			});
		}
	}

}
