package city.ideatoservice.notification;

import java.time.Instant;
import java.util.List;

import city.ideatoservice.idea.CitizenErasure;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.identity.StaffAccess;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.PartnerRepository;
import org.camunda.bpm.engine.IdentityService;
import city.ideatoservice.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For the innovation office (and administrators), logged in with their Camunda account
 * (HTTP Basic, like the engine's REST API): which e-mails went to whom about an idea, and
 * the erasure of a citizen's data on request.
 */
@RestController
@RequestMapping("/api/staff/ideas/{reference}")
@Tag(name = "Citizens' data (staff)", description = "E-mails sent about an idea; erasure on request")
class StaffNotificationController {

	record SentMail(String kind, String recipient, String status, Instant queuedAt, Instant sentAt) {
	}

	private final IdeaService ideas;

	private final NotificationRepository notifications;

	private final CitizenRepository citizens;

	private final CitizenErasure erasure;

	private final IdentityService identityService;

	private final PartnerRepository partners;

	StaffNotificationController(IdeaService ideas, NotificationRepository notifications, CitizenRepository citizens,
			CitizenErasure erasure, IdentityService identityService, PartnerRepository partners) {
		this.partners = partners;
		this.ideas = ideas;
		this.notifications = notifications;
		this.citizens = citizens;
		this.erasure = erasure;
		this.identityService = identityService;
	}

	@GetMapping("/notifications")
	@Operation(summary = "The e-mails sent about an idea")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not in the innovation office")
	@Problem(status = 404, when = "there is no such idea")
	List<SentMail> notifications(@PathVariable String reference) {
		requireInnovationOffice();
		Idea idea = idea(reference);
		return notifications.findByIdeaIdOrderByCreatedAt(idea.id()).stream().map(this::view).toList();
	}

	@PostMapping("/citizen-erasure")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204",
			description = "the name and e-mail are erased")
	@Operation(summary = "Erase the citizen's name and e-mail on their request",
			description = "409 without a body when there is nothing left to erase.")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not in the innovation office")
	@Problem(status = 404, when = "there is no such idea")
	ResponseEntity<Void> erase(@PathVariable String reference) {
		requireInnovationOffice();
		idea(reference);
		return erasure.eraseCitizenOf(reference) ? ResponseEntity.noContent().build()
				: ResponseEntity.status(HttpStatus.CONFLICT).build();
	}

	private SentMail view(Notification notification) {
		String recipient = notification.staffUserId() != null ? notification.staffUserId()
				: notification.partnerId() != null
						? partners.findById(notification.partnerId())
							.filter(Partner::isReachable)
							.map(Partner::email)
							.orElse("(erased)")
						: citizens.findById(notification.citizenId()).map(c -> c.email()).orElse("(erased)");
		return new SentMail(notification.kind().name(), recipient, notification.status().name(),
				notification.createdAt(), notification.sentAt());
	}

	private Idea idea(String reference) {
		return ideas.findByReference(reference)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no idea " + reference + "."));
	}

	private void requireInnovationOffice() {
		StaffAccess.require(identityService,
				"Only the innovation office sees the e-mails of an idea and erases a citizen's data.",
				Groups.INNOVATION_OFFICE);
	}

}
