package city.ideatoservice.council;

import static city.ideatoservice.council.CouncilVariables.COUNCIL_SESSION_ID;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import city.ideatoservice.form.TypedDates;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.tasklist.TaskCards;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the council's calendar, the same for the clerks' page and their API: a
 * session is planned for today or later, at most a setting's years ahead, one per body
 * and day. Moving a session moves the wait of the items on its agenda (the timer "Next
 * session held"); a session with items still to decide cannot be cancelled.
 */
@Service
public class CouncilCalendar {

	/** How the pages show and read a date: day.month.year, unambiguous in Europe. */
	public static final DateTimeFormatter DAY = TypedDates.DAY;

	/** A rule of the calendar was not met: the message names the field and what to do. */
	public static class Refused extends RuntimeException {

		private final String field;

		private final boolean conflict;

		Refused(String field, String message, boolean conflict) {
			super(message);
			this.field = field;
			this.conflict = conflict;
		}

		public String field() {
			return field;
		}

		/** Clashes with what is there (409), rather than bad input (400). */
		public boolean conflict() {
			return conflict;
		}

	}

	private static final String SESSION_HELD = "Event_SessionDate";

	private final CouncilSessionRepository sessions;

	private final AgendaItemRepository agenda;

	private final SessionFilters sessionFilters;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final Council council;

	private final Clock clock;

	private final int yearsAhead;

	private final CouncilSessionOptions options;

	private final TaskService tasks;

	private final TaskCards cards;

	CouncilCalendar(CouncilSessionRepository sessions, AgendaItemRepository agenda, SessionFilters sessionFilters,
			ProcessEngine engine, Council council, Clock clock, CouncilSessionOptions options, TaskCards cards,
			@Value("${idea-to-service.council.plan-years-ahead:3}") int yearsAhead) {
		this.options = options;
		this.cards = cards;
		this.tasks = engine.getTaskService();
		RuntimeService runtime = engine.getRuntimeService();
		ManagementService management = engine.getManagementService();
		this.sessions = sessions;
		this.agenda = agenda;
		this.sessionFilters = sessionFilters;
		this.runtime = runtime;
		this.management = management;
		this.council = council;
		this.clock = clock;
		this.yearsAhead = yearsAhead;
	}

	/** Sessions from this date on, in date order. */
	public List<CouncilSession> from(LocalDate day) {
		return sessions.findAllByOrderBySessionDate().stream().filter(s -> !s.sessionDate().isBefore(day)).toList();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	@Transactional
	public CouncilSession plan(String body, LocalDate date, int seats, String title) {
		checkDate(date);
		checkFree(body, date, null);
		CouncilSession saved = sessions.save(new CouncilSession(null, body, date, seats, blankToNull(title)));
		if (CouncilSession.COUNCIL.equals(saved.body())) {
			asApplication(() -> {
				sessionFilters.createFor(saved);
				options.refreshOpenTasks(tasks);
			});
		}
		return saved;
	}

	/**
	 * Another date for a session; the items waiting for it now wait for the new date.
	 * @return how many waiting items were moved with it
	 */
	@Transactional
	public int move(long id, LocalDate date) {
		CouncilSession session = require(id);
		if (session.sessionDate().isBefore(today())) {
			throw new Refused("date", "This session was held on " + DAY.format(session.sessionDate())
					+ "; a past session cannot be moved.", true);
		}
		checkDate(date);
		checkFree(session.body(), date, id);
		CouncilSession moved = sessions
			.save(new CouncilSession(id, session.body(), date, session.seats(), session.title()));
		int[] items = { 0 };
		asApplication(() -> {
			for (Job timer : waitingFor(id)) {
				management.setJobDuedate(timer.getId(), council.sessionStart(id));
				items[0]++;
			}
			sessionFilters.moved(session, moved);
			options.refreshOpenTasks(tasks);
			// the cards of the items in it name the new date
			cards.refresh(ProcessKeys.COUNCIL_ADOPTION);
		});
		return items[0];
	}

	@Transactional
	public void cancel(long id) {
		CouncilSession session = require(id);
		long open = agenda.findBySessionIdOrderById(id).stream().filter(AgendaItem::toDecide).count();
		if (open > 0) {
			throw new Refused("session",
					"The session of " + DAY.format(session.sessionDate()) + " has " + open
							+ " item(s) still to decide. Move the session to another date instead, or defer its items.",
					true);
		}
		if (session.sessionDate().isBefore(today())) {
			throw new Refused("session", "This session was held; it stays in the record.", true);
		}
		sessions.deleteById(id);
		asApplication(() -> {
			sessionFilters.cancelled(session);
			options.refreshOpenTasks(tasks);
		});
	}

	/**
	 * The engine's part of a calendar change, done by the application: the clerk's right
	 * to change the calendar was checked; their Camunda authorizations (their own tasks)
	 * do not reach every item's timer and task.
	 */
	private void asApplication(Runnable work) {
		sessionFilters.asApplication(work);
	}

	public CouncilSession require(long id) {
		return sessions.findById(id)
			.orElseThrow(() -> new Refused("session", "There is no session " + id + " in the calendar.", false));
	}

	/** The timers "Next session held" of the items on this session's agenda. */
	private List<Job> waitingFor(long sessionId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(ProcessKeys.COUNCIL_ADOPTION)
			.variableValueEquals(COUNCIL_SESSION_ID, String.valueOf(sessionId))
			.list()
			.stream()
			.flatMap(instance -> management.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(SESSION_HELD)
				.list()
				.stream())
			.toList();
	}

	private void checkDate(LocalDate date) {
		if (date == null) {
			throw new Refused("date", "Date: give the date as day.month.year, e.g. 15.01.2027.", false);
		}
		if (date.isBefore(today())) {
			throw new Refused("date", "Date: " + DAY.format(date) + " has passed; a session is planned for today ("
					+ DAY.format(today()) + ") or later.", false);
		}
		LocalDate last = today().plusYears(yearsAhead);
		if (date.isAfter(last)) {
			throw new Refused("date", "Date: " + DAY.format(date) + " is more than " + yearsAhead
					+ " years ahead; plan it by " + DAY.format(last) + ".", false);
		}
	}

	private void checkFree(String body, LocalDate date, Long except) {
		boolean taken = sessions.findAllByOrderBySessionDate()
			.stream()
			.anyMatch(s -> s.body().equals(body) && s.sessionDate().equals(date) && !s.id().equals(except));
		if (taken) {
			throw new Refused("date",
					"Date: there is a " + (CouncilSession.COUNCIL.equals(body) ? "council" : "committee")
							+ " session on " + DAY.format(date) + " already.",
					true);
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
