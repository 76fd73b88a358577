package city.ideatoservice.council;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public register of adopted acts and their directives, without login: a web page and
 * JSON.
 */
@Controller
class RegisterController {

	private final OfficialActRepository register;

	RegisterController(OfficialActRepository register) {
		this.register = register;
	}

	@GetMapping("/api/register")
	@ResponseBody
	List<OfficialAct> registerAsJson() {
		return register.findAllByOrderByActYearDescActSequenceDesc();
	}

	@GetMapping("/register")
	String registerPage(Model model) {
		model.addAttribute("acts", register.findAllByOrderByActYearDescActSequenceDesc());
		return "register";
	}

}
