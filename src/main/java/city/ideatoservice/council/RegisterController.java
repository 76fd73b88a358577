package city.ideatoservice.council;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public register of adopted acts and their directives, without login, as JSON (the
 * page is the portal's: portal.PortalPages).
 */
@RestController
class RegisterController {

	private final OfficialActRepository register;

	RegisterController(OfficialActRepository register) {
		this.register = register;
	}

	@GetMapping("/api/register")
	List<OfficialAct> registerAsJson() {
		return register.findAllByOrderByActYearDescActSequenceDesc();
	}

}
