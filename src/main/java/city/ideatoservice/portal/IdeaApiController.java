package city.ideatoservice.portal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import city.ideatoservice.commitment.PublicCommitment;
import city.ideatoservice.commitment.PublicCommitments;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.partner.PublicPartner;
import city.ideatoservice.screening.CitizenQuestions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
 * The public API of the portal: submit an idea, follow it with the private tracking code,
 * answer the screener's question, withdraw it. No login; a tracking code that does not
 * exist and one of another person's idea look the same (404).
 */
@RestController
@RequestMapping("/api/ideas")
class IdeaApiController {

	static final String NOT_FOUND = "No idea matches this tracking code. Check the code in your acknowledgement e-mail.";

	private final IdeaSubmission submission;

	private final IdeaService ideas;

	private final CitizenQuestions questions;

	private final CitizenActions actions;

	private final Partners partners;

	private final PublicCommitments commitments;

	IdeaApiController(IdeaSubmission submission, IdeaService ideas, CitizenQuestions questions, CitizenActions actions,
			Partners partners, PublicCommitments commitments) {
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
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody IdeaSubmissionRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The Idempotency-Key header must have 1 to 100 characters.");
		}
		IdeaSubmission.Submitted submitted = submission.submit(new IdeaService.NewIdea(request.title().strip(),
				request.description().strip(), request.theme(), request.reach(), Channel.PORTAL,
				blankToNull(request.name()), blankToNull(request.email()), idempotencyKey, language(acceptLanguage)));
		// a repeat with the same Idempotency-Key gets the same answer as the first
		// request
		Idea idea = submitted.idea();
		return ResponseEntity.created(URI.create("/api/ideas/tracking/" + submitted.trackingCode()))
			.body(new SubmissionResponse(idea.reference(), submitted.trackingCode(),
					ideas.require(idea.reference()).status(),
					"Thank you. Keep the tracking code: it is the only way to follow or withdraw your idea."));
	}

	@GetMapping(path = "/tracking/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
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

	@PostMapping(path = "/tracking/{trackingCode}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
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

	@PostMapping("/tracking/{trackingCode}/withdrawal")
	ResponseEntity<Void> withdraw(@PathVariable String trackingCode) {
		Idea idea = byTrackingCode(trackingCode);
		if (!actions.withdraw(idea)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This idea can no longer be withdrawn: it is "
					+ idea.status() + ". An idea can be withdrawn until the council adopts it.");
		}
		return ResponseEntity.accepted().build();
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
