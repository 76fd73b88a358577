package city.ideatoservice.council;

import java.time.LocalDate;
import java.util.List;

import city.ideatoservice.identity.StaffAccess;
import city.ideatoservice.organisation.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.IdentityService;
import city.ideatoservice.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The council clerks' calendar (HTTP Basic with their Camunda account): sessions of the
 * council and its committees, and a session's agenda; plan, move and cancel a session by
 * the rules of {@link CouncilCalendar} (the page /staff/council does the same).
 */
@RestController
@RequestMapping("/api/staff/council/sessions")
@Tag(name = "Council calendar (staff)", description = "Council and committee sessions, kept by the council clerks")
class CouncilSessionController {

	record NewSession(
			@NotNull @Pattern(regexp = "COUNCIL|COMMITTEE", message = "body is COUNCIL or COMMITTEE") String body,
			@NotNull LocalDate date, @Min(1) @Max(500) int seats, @Size(max = 200) String title) {
	}

	record AgendaEntry(Long agendaItemId, String ideaReference, String title, String committee, String committeeOpinion,
			String decision, int deferrals) {
	}

	private final CouncilSessionRepository sessions;

	private final AgendaItemRepository agenda;

	private final IdentityService identityService;

	private final CouncilCalendar calendar;

	CouncilSessionController(CouncilSessionRepository sessions, AgendaItemRepository agenda,
			IdentityService identityService, CouncilCalendar calendar) {
		this.calendar = calendar;
		this.sessions = sessions;
		this.agenda = agenda;
		this.identityService = identityService;
	}

	@GetMapping
	@Operation(summary = "The sessions, earliest first")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a council clerk")
	List<CouncilSession> calendar() {
		requireClerk();
		return sessions.findAllByOrderBySessionDate();
	}

	@PostMapping
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the session is planned")
	@Operation(summary = "Plan a session",
			description = "Today or later, at most the planning horizon ahead (3 years).")
	@Problem(status = 400,
			when = "a field is missing or not valid: body, a day that has passed or is too far ahead,"
					+ " seats outside 1 to 500, a title over 200 characters")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a council clerk")
	@Problem(status = 409, when = "the body already meets on that day")
	ResponseEntity<CouncilSession> plan(@Valid @RequestBody NewSession session) {
		requireClerk();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(decided(() -> calendar.plan(session.body(), session.date(), session.seats(), session.title())));
	}

	record NewDate(@NotNull LocalDate date) {
	}

	/** Another date for a session: the items waiting for it move with it. */
	@PutMapping("/{id}/date")
	@Operation(summary = "Move a session", description = "The agenda items waiting for it move with it.")
	@Problem(status = 400, when = "the day has passed or is too far ahead")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a council clerk")
	@Problem(status = 404, when = "there is no such session")
	@Problem(status = 409, when = "the body already meets on that day")
	CouncilSession move(@PathVariable Long id, @Valid @RequestBody NewDate date) {
		requireClerk();
		decided(() -> calendar.move(id, date.date()));
		return calendar.require(id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel a session")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "the session is cancelled")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a council clerk")
	@Problem(status = 404, when = "there is no such session")
	@Problem(status = 409, when = "items on its agenda are still to be decided")
	ResponseEntity<Void> cancel(@PathVariable Long id) {
		requireClerk();
		decided(() -> {
			calendar.cancel(id);
			return null;
		});
		return ResponseEntity.noContent().build();
	}

	/** A rule of the calendar refused: 400 for bad input, 409 for a clash, 404. */
	private static <T> T decided(java.util.function.Supplier<T> change) {
		try {
			return change.get();
		}
		catch (CouncilCalendar.Refused refused) {
			HttpStatus status = refused.conflict() ? HttpStatus.CONFLICT
					: refused.getMessage().startsWith("There is no session") ? HttpStatus.NOT_FOUND
							: HttpStatus.BAD_REQUEST;
			throw new ResponseStatusException(status, refused.getMessage());
		}
	}

	@GetMapping("/{id}/agenda")
	@Operation(summary = "A session's agenda")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a council clerk")
	@Problem(status = 404, when = "there is no such session")
	List<AgendaEntry> agenda(@PathVariable Long id) {
		requireClerk();
		sessions.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session " + id + "."));
		return agenda.findBySessionIdOrderById(id)
			.stream()
			.map(item -> new AgendaEntry(item.id(), item.ideaReference(), item.title(), item.committee(),
					item.committeeOpinion(), item.decision(), item.deferrals()))
			.toList();
	}

	private void requireClerk() {
		StaffAccess.require(identityService, "Only council clerks keep the council's calendar.", Groups.COUNCIL_CLERKS);
	}

}
