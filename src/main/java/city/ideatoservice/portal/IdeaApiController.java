package city.ideatoservice.portal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import city.ideatoservice.commitment.PublicCommitment;
import city.ideatoservice.commitment.PublicCommitments;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.council.OfficialAct;
import city.ideatoservice.opendata.PublishedDataset;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.partner.PublicPartner;
import city.ideatoservice.screening.CitizenQuestions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import city.ideatoservice.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public API of the portal: submit an idea, follow it with the private tracking code,
 * answer the screener's question, withdraw it, erase one's name and e-mail; the public
 * board, an idea's public page and the adopted services. No login; a tracking code that
 * does not exist and one of another person's idea look the same (404).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Ideas", description = "Submit and follow an idea; the public board, an idea's public page, the services")
class IdeaApiController {

	static final String NOT_FOUND = "No idea matches this tracking code. Check the code in your acknowledgement e-mail.";

	private final IdeaSubmission submission;

	private final IdeaService ideas;

	private final CitizenQuestions questions;

	private final CitizenActions actions;

	private final Partners partners;

	private final PublicCommitments commitments;

	private final PublicIdeas publicIdeas;

	private final PortalNames names;

	IdeaApiController(IdeaSubmission submission, IdeaService ideas, CitizenQuestions questions, CitizenActions actions,
			Partners partners, PublicCommitments commitments, PublicIdeas publicIdeas, PortalNames names) {
		this.publicIdeas = publicIdeas;
		this.names = names;
		this.partners = partners;
		this.commitments = commitments;
		this.submission = submission;
		this.ideas = ideas;
		this.questions = questions;
		this.actions = actions;
	}

	record SubmissionResponse(String reference, String trackingCode, PublicStatus status, String message) {
	}

	record HistoryEntry(PublicStatus status, String reason, Instant at) {
	}

	record IdeaView(String reference, String title, String description, String theme, PublicStatus status,
			Instant submittedAt, String mergedInto, String openQuestion, List<HistoryEntry> history,
			List<PublicPartner> partners, List<PublicCommitment> commitments) {
	}

	record AnswerRequest(@NotBlank(message = "Please write your answer.") @Size(max = 4000,
			message = "Your answer can have at most {max} characters.") String answer) {
	}

	// produces: a client that cannot read the answer is refused before the idea is made,
	// not after
	@PostMapping(path = "/ideas", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
			description = "the idea is registered: its reference and tracking code")
	@Operation(summary = "Submit an idea",
			description = "Answers the reference and the tracking code (shown once: keep it). The same"
					+ " Idempotency-Key sent again gets the same answer instead of a second idea.")
	@Problem(status = 400,
			when = "a field is missing or not valid (one message per field), the body is not one"
					+ " JSON object of the known fields, or the Idempotency-Key is longer than 100 characters")
	@Problem(status = 406, when = "the client does not accept JSON")
	@Problem(status = 409, when = "a request with the same Idempotency-Key is still being processed (Retry-After)")
	@Problem(status = 415, when = "the body is not sent as application/json")
	@Problem(status = 422, when = "the Idempotency-Key was used for another idea")
	@Problem(status = 429, when = "too many submissions from this address (Retry-After)")
	ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody IdeaSubmissionRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The Idempotency-Key header must have 1 to 100 characters.");
		}
		IdeaSubmission.Submitted submitted = submission
			.submit(new IdeaService.NewIdea(request.title().strip(), request.description().strip(), request.theme(),
					request.reach(), Channel.PORTAL, blankToNull(request.name()), blankToNull(request.email()),
					idempotencyKey, language(acceptLanguage), blankToNull(request.place()),
					Boolean.TRUE.equals(request.publicBoard()), Boolean.TRUE.equals(request.privacyConsent())));
		// a repeat with the same Idempotency-Key gets the same answer as the first
		// request
		Idea idea = submitted.idea();
		return ResponseEntity.created(URI.create("/api/ideas/tracking/" + submitted.trackingCode()))
			.body(new SubmissionResponse(idea.reference(), submitted.trackingCode(),
					ideas.require(idea.reference()).status(),
					"Thank you. Keep the tracking code: it is the only way to follow or withdraw your idea."));
	}

	@GetMapping(path = "/ideas/tracking/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Follow my idea", description = "Status, history with public reasons, the open question.")
	@Problem(status = 404, when = "no idea has this tracking code")
	@Problem(status = 429, when = "too many tracking requests from this address (Retry-After)")
	IdeaView track(@PathVariable String trackingCode) {
		Idea idea = byTrackingCode(trackingCode);
		return new IdeaView(idea.reference(), idea.title(), idea.description(), idea.theme().name(), idea.status(),
				idea.createdAt(), idea.mergedInto(), questions.openQuestion(idea).orElse(null),
				ideas.history(idea)
					.stream()
					.map(c -> new HistoryEntry(c.status(), c.publicReason(), c.changedAt()))
					.toList(),
				partners.publicPartners(idea.reference()), commitments.of(idea.reference()));
	}

	@PostMapping(path = "/ideas/tracking/{trackingCode}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Answer the screener's question")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202",
			description = "the answer is kept and the screener is told")
	@Problem(status = 400, when = "the answer is empty or longer than 4,000 characters")
	@Problem(status = 404, when = "no idea has this tracking code")
	@Problem(status = 409, when = "there is no open question, or the time to answer has passed")
	@Problem(status = 415, when = "the body is not sent as application/json")
	@Problem(status = 429, when = "too many tracking requests from this address (Retry-After)")
	ResponseEntity<Void> answer(@PathVariable String trackingCode, @Valid @RequestBody AnswerRequest request) {
		Idea idea = byTrackingCode(trackingCode);
		try {
			if (actions.answer(idea, request.answer().strip()).isPresent()) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, "There is no open question about this idea.");
			}
		}
		catch (CitizenActions.AnswerTooLate tooLate) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, tooLate.getMessage());
		}
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/ideas/tracking/{trackingCode}/withdrawal")
	@Operation(summary = "Withdraw my idea", description = "Possible until the council adopts it.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "the idea is withdrawn")
	@Problem(status = 404, when = "no idea has this tracking code")
	@Problem(status = 409, when = "the idea can no longer be withdrawn (adopted, closed)")
	@Problem(status = 429, when = "too many tracking requests from this address (Retry-After)")
	ResponseEntity<Void> withdraw(@PathVariable String trackingCode) {
		Idea idea = byTrackingCode(trackingCode);
		if (!actions.withdraw(idea)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This idea can no longer be withdrawn: it is "
					+ idea.status() + ". An idea can be withdrawn until the council adopts it.");
		}
		return ResponseEntity.accepted().build();
	}

	/** The citizen's name and e-mail removed; the idea and its public history stay. */
	record Erasure(boolean erased, String message) {
	}

	@PostMapping(path = "/ideas/tracking/{trackingCode}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Erase my name and e-mail",
			description = "No more e-mails; the idea and its public history stay. Asking again is harmless.")
	@Problem(status = 404, when = "no idea has this tracking code")
	@Problem(status = 429, when = "too many tracking requests from this address (Retry-After)")
	Erasure erase(@PathVariable String trackingCode) {
		Idea idea = byTrackingCode(trackingCode);
		return actions.erase(idea)
				? new Erasure(true,
						"Your name and e-mail address are erased. The city sends you no more e-mails"
								+ " about this idea; its public history stays.")
				: new Erasure(false, "There is no name or e-mail address left to erase for this idea.");
	}

	// ---- the public board, an idea's public page and the services: public facts only

	record Board(List<PublicIdeas.BoardEntry> ideas, int page, int pages, long total) {
	}

	@GetMapping(path = "/ideas", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The public board",
			description = "Ideas whose authors agreed to show them and that passed screening, newest first, 20 a page.")
	@Problem(status = 400, when = "a filter is not one of its values, the page is below 1, or the search is longer"
			+ " than 120 characters")
	Board board(@RequestParam(required = false) PublicStatus status, @RequestParam(required = false) Theme theme,
			@RequestParam(required = false) Reach reach,
			@RequestParam(required = false) @Size(max = 120,
					message = "The search can have at most {max} characters.") String q,
			@RequestParam(defaultValue = "1") @Min(value = 1, message = "The page starts at 1.") int page) {
		if (status != null && !PublicIdeas.BOARD_STATUSES.contains(status)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The board shows the statuses "
					+ PublicIdeas.BOARD_STATUSES + "; " + status + " is not one of them.");
		}
		PublicIdeas.BoardPage shown = publicIdeas.board(new PublicIdeas.Filter(status, theme, reach, q), page - 1);
		return new Board(shown.entries(), shown.page() + 1, shown.pages(), shown.total());
	}

	record Department(String id, String name) {
	}

	record PublicIdeaView(String reference, String title, String description, Theme theme, Reach reach, String place,
			PublicStatus status, List<PublicIdeas.TimelineEntry> timeline, String codesignOutcome, String objectives,
			Department sponsorDepartment, String fundingOutcome, Long grantedCents, List<PublishedDataset> datasets,
			List<PublicIdeas.Approval> approvals, OfficialAct act, String serviceUrl, LocalDate serviceStart,
			List<PublicPartner> partners, List<PublicCommitment> commitments) {
	}

	/** As the idea's public page: only for ideas on the public board, never a person. */
	@GetMapping(path = "/ideas/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "An idea's public page",
			description = "Only public facts: no person's name, no internal comment. Department names in the"
					+ " language of Accept-Language (English or German).")
	@Problem(status = 404, when = "no idea with this reference is on the public board")
	PublicIdeaView publicIdea(@PathVariable String reference,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
		Locale locale = Locale.forLanguageTag(Objects.requireNonNullElse(language(acceptLanguage), "en"));
		PublicIdeas.PublicIdea facts = publicIdeas.publicIdea(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No idea " + reference + " is on the public board."));
		Idea idea = facts.idea();
		String sponsor = facts.sponsorDepartment();
		return new PublicIdeaView(idea.reference(), idea.title(), idea.description(), idea.theme(), idea.reach(),
				idea.place(), idea.status(), facts.timeline(), facts.codesignOutcome(), facts.objectives(),
				sponsor == null ? null : new Department(sponsor, names.group(sponsor, locale)), facts.fundingOutcome(),
				facts.grantedCents(), facts.datasets(), facts.approvals(), facts.act(), facts.serviceUrl(),
				facts.serviceStart(), partners.publicPartners(idea.reference()), commitments.of(idea.reference()));
	}

	/** The ideas that became services: act, directive, launch. */
	@GetMapping(path = "/services", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The adopted services", description = "Ideas that went live: act, directive, launch.")
	List<PublicIdeas.Service> services() {
		return publicIdeas.services();
	}

	private Idea byTrackingCode(String trackingCode) {
		return ideas.findByTrackingCode(trackingCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
	}

	/**
	 * The language of the citizen's e-mails: the best of the browser's languages that the
	 * city's texts exist in.
	 */
	static String language(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return null;
		}
		try {
			return java.util.Locale.lookupTag(java.util.Locale.LanguageRange.parse(acceptLanguage), MAIL_LANGUAGES);
		}
		catch (IllegalArgumentException unreadable) {
			return null;
		}
	}

	/** The languages of messages*.properties. */
	static final List<String> MAIL_LANGUAGES = List.of("en", "de");

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
