package city.ideatoservice.portal;

import java.net.URI;
import java.util.List;

import city.ideatoservice.challenge.Challenges;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public API of the open-innovation challenges: the published challenges, one
 * challenge with its rules, prizes, offered datasets and, once announced, its winners;
 * and entries (ideas, with the same rules as {@code POST /api/ideas}) while the window is
 * open.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Challenges", description = "Open-innovation challenges: their rules and winners, and entries")
class ChallengeApiController {

	private final Challenges challenges;

	private final PublicChallenges publicChallenges;

	ChallengeApiController(Challenges challenges, PublicChallenges publicChallenges) {
		this.challenges = challenges;
		this.publicChallenges = publicChallenges;
	}

	/** An entry: the idea as for POST /api/ideas, and the team, both optional. */
	record EntryRequest(@Valid @NotNull(message = "Please describe your idea in \"idea\".") IdeaSubmissionRequest idea,
			@Size(max = 120, message = "The team name can have at most {max} characters.") @Pattern(
					regexp = "[^\\p{Cntrl}]*",
					message = "The team name must be a single line of text.") String teamName,
			@Size(max = 1000, message = "The team members can have at most {max} characters.") String teamMembers) {
	}

	record EntryResponse(String reference, String trackingCode, String challenge, PublicStatus status, String message) {
	}

	@GetMapping(path = "/challenges", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The challenges",
			description = "Every published challenge, the latest window first: open, judging or finished.")
	List<PublicChallenges.Summary> list() {
		return publicChallenges.summaries();
	}

	@GetMapping(path = "/challenges/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A challenge",
			description = "Problem, rules, window (ISO dates, the last day included), prizes, partners, offered"
					+ " datasets; once announced the winners and what became of their ideas.")
	@Problem(status = 404, when = "no published challenge has this reference")
	PublicChallenges.Details challenge(@PathVariable String reference) {
		return publicChallenges.details(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No challenge has this reference."));
	}

	@PostMapping(path = "/challenges/{reference}/entries", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
			description = "the entry is registered as an idea: its reference and tracking code")
	@Operation(summary = "Enter a challenge",
			description = "An idea with the rules of POST /api/ideas, linked to the challenge; taken only while its"
					+ " window is open. The jury judges it; winners are followed up as ideas.")
	@Problem(status = 400, when = "a field is missing or not valid (one message per field)")
	@Problem(status = 404, when = "no published challenge has this reference")
	@Problem(status = 409, when = "the challenge's window is not open (not yet, or no more)")
	@Problem(status = 415, when = "the body is not sent as application/json")
	@Problem(status = 429, when = "too many entries from this address (Retry-After)")
	ResponseEntity<EntryResponse> enter(@PathVariable String reference, @Valid @RequestBody EntryRequest request,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
		publicChallenges.details(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No challenge has this reference."));
		IdeaSubmissionRequest idea = request.idea();
		Challenges.Entered entered;
		try {
			entered = challenges.enter(reference,
					new IdeaService.NewIdea(idea.title().strip(), idea.description().strip(), idea.theme(),
							idea.reach(), city.ideatoservice.idea.Channel.CHALLENGE, blankToNull(idea.name()),
							blankToNull(idea.email()), null, IdeaApiController.language(acceptLanguage),
							blankToNull(idea.place()), Boolean.TRUE.equals(idea.publicBoard()),
							Boolean.TRUE.equals(idea.privacyConsent())),
					blankToNull(request.teamName()), blankToNull(request.teamMembers()));
		}
		catch (Challenges.WindowClosedException closed) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, closed.getMessage());
		}
		Idea registered = entered.registration().idea();
		return ResponseEntity.created(URI.create("/api/ideas/tracking/" + entered.registration().trackingCode()))
			.body(new EntryResponse(registered.reference(), entered.registration().trackingCode(), reference,
					registered.status(),
					"Thank you for your entry. Keep the tracking code: it is the only way to follow or withdraw it."));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
