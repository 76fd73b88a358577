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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The council clerks' calendar (HTTP Basic with their Camunda account): sessions of the
 * council and its committees, and a session's agenda. Each new council session gets a
 * Tasklist filter with its items.
 */
@RestController
@RequestMapping("/api/staff/council/sessions")
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

	private final SessionFilters sessionFilters;

	CouncilSessionController(CouncilSessionRepository sessions, AgendaItemRepository agenda,
			IdentityService identityService, SessionFilters sessionFilters) {
		this.sessionFilters = sessionFilters;
		this.sessions = sessions;
		this.agenda = agenda;
		this.identityService = identityService;
	}

	@GetMapping
	List<CouncilSession> calendar() {
		requireClerk();
		return sessions.findAllByOrderBySessionDate();
	}

	@PostMapping
	@Transactional
	ResponseEntity<CouncilSession> plan(@Valid @RequestBody NewSession session) {
		requireClerk();
		if (sessions.existsByBodyAndSessionDate(session.body(), session.date())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"There is a " + session.body().toLowerCase() + " session on " + session.date() + " already.");
		}
		CouncilSession saved = sessions
			.save(new CouncilSession(null, session.body(), session.date(), session.seats(), session.title()));
		if (CouncilSession.COUNCIL.equals(saved.body())) {
			sessionFilters.createFor(saved);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(saved);
	}

	@GetMapping("/{id}/agenda")
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
