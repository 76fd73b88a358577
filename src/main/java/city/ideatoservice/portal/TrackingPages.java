package city.ideatoservice.portal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.screening.CitizenQuestions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Track my idea": the citizen shows the reference and the tracking code once, by a POST
 * form (the code never travels in a URL, so no log has it); this browser session may then
 * open the idea's page, answer the open question, withdraw the idea (after a confirmation
 * step) and erase the citizen's data. An unknown code and a code of another idea get the
 * same answer.
 */
@Controller
class TrackingPages {

	private static final String UNLOCKED = TrackingPages.class.getName() + ".unlocked";

	static final int ANSWER_MAX = 4000;

	private final IdeaService ideas;

	private final CitizenQuestions questions;

	private final CitizenActions actions;

	private final PublicIdeas publicIdeas;

	TrackingPages(IdeaService ideas, CitizenQuestions questions, CitizenActions actions, PublicIdeas publicIdeas) {
		this.ideas = ideas;
		this.questions = questions;
		this.actions = actions;
		this.publicIdeas = publicIdeas;
	}

	@GetMapping("/track")
	String trackForm(@RequestParam(required = false) String reference, Model model) {
		model.addAttribute("reference", reference == null ? "" : reference.strip());
		model.addAttribute("code", "");
		return trackPage(model, false, false, false);
	}

	@PostMapping("/track")
	String track(@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("reference", reference);
		model.addAttribute("code", code);
		boolean referenceMissing = reference.isBlank();
		boolean codeMissing = code.isBlank();
		if (referenceMissing || codeMissing) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return trackPage(model, referenceMissing, codeMissing, false);
		}
		Optional<Idea> idea = ideas.findByTrackingCode(code)
			.filter(found -> found.reference().equalsIgnoreCase(reference.strip()));
		if (idea.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return trackPage(model, false, false, true);
		}
		unlock(request, idea.get().reference());
		return "redirect:/track/" + idea.get().reference();
	}

	@GetMapping("/track/{reference}")
	String tracked(@PathVariable String reference, Model model, HttpServletRequest request) {
		Optional<Idea> idea = unlocked(request, reference);
		if (idea.isEmpty()) {
			return "redirect:/track";
		}
		return trackedPage(idea.get(), model);
	}

	@PostMapping("/track/{reference}/answer")
	String answer(@PathVariable String reference, @RequestParam(defaultValue = "") String answer, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Idea> idea = unlocked(request, reference);
		if (idea.isEmpty()) {
			return "redirect:/track";
		}
		String error = answer.isBlank() ? "portal.error.required"
				: answer.strip().length() > ANSWER_MAX ? "portal.track.answer.tooLong" : null;
		if (error != null) {
			model.addAttribute("answer", answer);
			model.addAttribute("answerError", error);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return trackedPage(idea.get(), model);
		}
		try {
			redirect.addFlashAttribute("notice",
					actions.answer(idea.get(), answer.strip())
						.map(refused -> "portal.track.answer.noQuestion")
						.orElse("portal.track.answer.sent"));
		}
		catch (CitizenActions.AnswerTooLate tooLate) {
			redirect.addFlashAttribute("notice", "portal.track.answer.tooLate");
		}
		return "redirect:/track/" + idea.get().reference();
	}

	@GetMapping("/track/{reference}/withdraw")
	String confirmWithdrawal(@PathVariable String reference, Model model, HttpServletRequest request) {
		Optional<Idea> idea = unlocked(request, reference);
		if (idea.isEmpty()) {
			return "redirect:/track";
		}
		model.addAttribute("idea", idea.get());
		return "portal/withdraw";
	}

	@PostMapping("/track/{reference}/withdraw")
	String withdraw(@PathVariable String reference, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<Idea> idea = unlocked(request, reference);
		if (idea.isEmpty()) {
			return "redirect:/track";
		}
		redirect.addFlashAttribute("notice",
				actions.withdraw(idea.get()) ? "portal.track.withdrawn" : "portal.track.notWithdrawable");
		return "redirect:/track/" + idea.get().reference();
	}

	@GetMapping("/track/{reference}/erase")
	String confirmErasure(@PathVariable String reference, Model model, HttpServletRequest request) {
		Optional<Idea> idea = unlocked(request, reference);
		if (idea.isEmpty()) {
			return "redirect:/track";
		}
		model.addAttribute("idea", idea.get());
		return "portal/erase";
	}

	@PostMapping("/track/{reference}/erase")
	String erase(@PathVariable String reference, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<Idea> idea = unlocked(request, reference);
		if (idea.isEmpty()) {
			return "redirect:/track";
		}
		redirect.addFlashAttribute("notice",
				actions.erase(idea.get()) ? "portal.track.erased" : "portal.track.nothingToErase");
		return "redirect:/track/" + idea.get().reference();
	}

	/** Closes the idea on this browser: the code is needed again. */
	@PostMapping("/track/{reference}/close")
	String close(@PathVariable String reference, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(UNLOCKED) instanceof Set<?> unlocked) {
			Set<String> left = new HashSet<>();
			unlocked.forEach(each -> left.add(each.toString()));
			left.remove(reference);
			session.setAttribute(UNLOCKED, left);
		}
		return "redirect:/track";
	}

	private static String trackPage(Model model, boolean referenceMissing, boolean codeMissing, boolean noMatch) {
		model.addAttribute("referenceMissing", referenceMissing);
		model.addAttribute("codeMissing", codeMissing);
		model.addAttribute("noMatch", noMatch);
		return "portal/track";
	}

	private String trackedPage(Idea idea, Model model) {
		model.addAttribute("idea", idea);
		model.addAttribute("timeline", publicIdeas.timeline(idea));
		model.addAttribute("question", questions.openQuestion(idea).orElse(null));
		model.addAttribute("withdrawable", idea.status().isWithdrawable());
		model.addAttribute("listed", publicIdeas.isListed(idea));
		model.addAttribute("answerMax", ANSWER_MAX);
		return "portal/tracked";
	}

	/**
	 * Lets this browser session follow the idea; a new session id, so that one fixed
	 * before does not get it.
	 */
	static void unlock(HttpServletRequest request, String reference) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		HttpSession session = request.getSession();
		Set<String> unlocked = new HashSet<>();
		if (session.getAttribute(UNLOCKED) instanceof Set<?> earlier) {
			earlier.forEach(each -> unlocked.add(each.toString()));
		}
		unlocked.add(reference);
		session.setAttribute(UNLOCKED, unlocked);
	}

	private Optional<Idea> unlocked(HttpServletRequest request, String reference) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(UNLOCKED) instanceof Set<?> unlocked)
				|| !unlocked.contains(reference)) {
			return Optional.empty();
		}
		return ideas.findByReference(reference);
	}

}
