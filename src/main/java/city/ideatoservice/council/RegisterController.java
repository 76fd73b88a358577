package city.ideatoservice.council;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public register of adopted acts and their directives, without login, as JSON (the
 * page is the portal's: portal.PortalPages).
 */
@RestController
@Tag(name = "Register of acts", description = "Adopted council acts and mayoral decrees with their directives")
class RegisterController {

	private final OfficialActRepository register;

	RegisterController(OfficialActRepository register) {
		this.register = register;
	}

	@GetMapping("/api/register")
	@Operation(summary = "The acts, newest first")
	List<OfficialAct> registerAsJson() {
		return register.findAllByOrderByActYearDescActSequenceDesc();
	}

}
