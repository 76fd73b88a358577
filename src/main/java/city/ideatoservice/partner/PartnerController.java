package city.ideatoservice.partner;

import java.util.List;

import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.identity.StaffAccess;
import city.ideatoservice.organisation.Groups;
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
 * For the innovation office (HTTP Basic, Camunda account): an idea's partners with their
 * contacts, and the erasure of a partner's contact person and e-mail on request.
 */
@RestController
@RequestMapping("/api/staff/ideas/{reference}/partners")
@Tag(name = "Partners (staff)", description = "An idea's partners and their contacts")
class PartnerController {

	private final Partners partners;

	private final IdeaService ideas;

	private final IdentityService identityService;

	PartnerController(Partners partners, IdeaService ideas, IdentityService identityService) {
		this.partners = partners;
		this.ideas = ideas;
		this.identityService = identityService;
	}

	@GetMapping
	@Operation(summary = "An idea's partners with their contacts")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not in the innovation office")
	@Problem(status = 404, when = "there is no such idea")
	List<Partner> partners(@PathVariable String reference) {
		requireInnovationOffice();
		idea(reference);
		return partners.all(reference);
	}

	@PostMapping("/{partnerId}/erasure")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204",
			description = "the contact person and e-mail are erased")
	@Operation(summary = "Erase a partner's contact person and e-mail on request",
			description = "409 without a body when there is nothing left to erase.")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not in the innovation office")
	@Problem(status = 404, when = "there is no such idea")
	ResponseEntity<Void> erase(@PathVariable String reference, @PathVariable Long partnerId) {
		requireInnovationOffice();
		idea(reference);
		return partners.erase(reference, partnerId) ? ResponseEntity.noContent().build()
				: ResponseEntity.status(HttpStatus.CONFLICT).build();
	}

	private void idea(String reference) {
		if (ideas.findByReference(reference).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no idea " + reference + ".");
		}
	}

	private void requireInnovationOffice() {
		StaffAccess.require(identityService,
				"Only the innovation office sees an idea's partners and erases their data.", Groups.INNOVATION_OFFICE);
	}

}
