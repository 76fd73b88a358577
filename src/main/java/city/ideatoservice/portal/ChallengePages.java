package city.ideatoservice.portal;

import java.util.Locale;
import java.util.UUID;

import city.ideatoservice.challenge.Challenges;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The challenges on the portal: the list, a challenge's page with its rules, window,
 * prizes, offered datasets and, after the close, its winners; the entry form while the
 * window is open (the idea form's fields and rules, and the team).
 */
@Controller
class ChallengePages {

	static final int TEAM_NAME_MAX = 120;

	static final int TEAM_MEMBERS_MAX = 1000;

	private final PublicChallenges publicChallenges;

	private final Challenges challenges;

	ChallengePages(PublicChallenges publicChallenges, Challenges challenges) {
		this.publicChallenges = publicChallenges;
		this.challenges = challenges;
	}

	@GetMapping("/challenges")
	String list(Model model) {
		model.addAttribute("challenges", publicChallenges.summaries());
		return "portal/challenges";
	}

	@GetMapping("/challenges/{reference}")
	String challenge(@PathVariable String reference, Model model, HttpServletResponse response) {
		IdeaForm form = new IdeaForm();
		form.setSubmissionKey(UUID.randomUUID().toString());
		model.addAttribute("idea", form);
		return page(reference, model, response);
	}

	@PostMapping("/challenges/{reference}/enter")
	String enter(@PathVariable String reference, @Valid @ModelAttribute("idea") IdeaForm form, BindingResult errors,
			@RequestParam(required = false) String teamName, @RequestParam(required = false) String teamMembers,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		model.addAttribute("teamName", teamName);
		model.addAttribute("teamMembers", teamMembers);
		boolean teamTooLong = (teamName != null && teamName.length() > TEAM_NAME_MAX)
				|| (teamMembers != null && teamMembers.length() > TEAM_MEMBERS_MAX);
		if (errors.hasErrors() || teamTooLong) {
			model.addAttribute("teamTooLong", teamTooLong);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(reference, model, response);
		}
		if (publicChallenges.details(reference).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "portal/not-found";
		}
		Challenges.Entered entered;
		try {
			entered = challenges.enter(reference,
					new IdeaService.NewIdea(form.getTitle().strip(), form.getDescription().strip(), form.getTheme(),
							form.getReach(), Channel.CHALLENGE, blank(form.getName()), blank(form.getEmail()), null,
							locale.getLanguage(), blank(form.getPlace()), form.isPublicBoard(), form.isConsent()),
					blank(teamName), blank(teamMembers));
		}
		catch (Challenges.WindowClosedException closed) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("windowClosed", true);
			return page(reference, model, response);
		}
		TrackingPages.unlock(request, entered.registration().idea().reference());
		redirect.addFlashAttribute("submitted",
				new PortalPages.Submitted(entered.registration().idea().reference(),
						entered.registration().trackingCode(), entered.registration().idea().title(),
						form.getEmail() != null && !form.getEmail().isBlank()));
		return "redirect:/submit/thanks";
	}

	private String page(String reference, Model model, HttpServletResponse response) {
		var details = publicChallenges.details(reference);
		if (details.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "portal/not-found";
		}
		model.addAttribute("challenge", details.get());
		model.addAttribute("themes", Theme.values());
		model.addAttribute("reaches", Reach.values());
		return "portal/challenge";
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
