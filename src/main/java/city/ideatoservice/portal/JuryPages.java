package city.ideatoservice.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.challenge.ChallengeCriterion;
import city.ideatoservice.jury.ExternalScoring;
import city.ideatoservice.jury.JuryScoreException;
import city.ideatoservice.jury.JuryVariables;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An external juror's page, opened by the one-time link of their e-mail: only the entries
 * of their score sheet, each with the criteria (whole numbers 0 to 10), a comment and "I
 * have a conflict of interest". The link works once; a used or expired link gets a page
 * that says so, a guessed one shows nothing.
 */
@Controller
class JuryPages {

	private final ExternalScoring scoring;

	JuryPages(ExternalScoring scoring) {
		this.scoring = scoring;
	}

	@GetMapping("/jury/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(token, model, response, List.of(), null);
	}

	@PostMapping("/jury/{token}")
	String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		if (scoring.state(token) != ExternalScoring.LinkState.OPEN) {
			return page(token, model, response, List.of(), null);
		}
		ExternalScoring.Page page = scoring.page(token).orElseThrow();
		List<Map<String, Object>> filledIn = new ArrayList<>();
		for (int i = 0; i < page.entries().size(); i++) {
			Map<String, Object> values = new LinkedHashMap<>();
			String prefix = "entry" + i + ".";
			values.put(JuryVariables.CONFLICT, "on".equals(form.getFirst(prefix + JuryVariables.CONFLICT)));
			for (ChallengeCriterion criterion : page.criteria()) {
				String key = JuryVariables.criterion(criterion.position());
				values.put(key, form.getFirst(prefix + key));
			}
			values.put(JuryVariables.COMMENT, form.getFirst(prefix + JuryVariables.COMMENT));
			filledIn.add(values);
		}
		try {
			scoring.submit(token, filledIn);
		}
		catch (JuryScoreException refused) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(token, model, response, filledIn, refused.getMessage());
		}
		return "portal/jury-thanks";
	}

	private String page(String token, Model model, HttpServletResponse response, List<Map<String, Object>> filledIn,
			String error) {
		switch (scoring.state(token)) {
			case UNKNOWN -> {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				return "portal/jury-link";
			}
			case USED_OR_EXPIRED -> {
				response.setStatus(HttpServletResponse.SC_GONE);
				model.addAttribute("used", true);
				return "portal/jury-link";
			}
			default -> {
				ExternalScoring.Page page = scoring.page(token).orElseThrow();
				model.addAttribute("page", page);
				model.addAttribute("token", token);
				model.addAttribute("values", filledIn);
				model.addAttribute("error", error);
				return "portal/jury";
			}
		}
	}

}
