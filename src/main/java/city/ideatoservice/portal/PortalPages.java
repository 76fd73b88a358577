package city.ideatoservice.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.opendata.PublishedDatasetRepository;
import city.ideatoservice.commitment.PublicCommitments;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.transparency.Charts;
import city.ideatoservice.transparency.Checklists;
import city.ideatoservice.transparency.Figures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizens' pages at the site's root: home, submitting an idea, the public board, an
 * idea's public page, the adopted services, the register of acts and the dataset
 * catalogue. Following one's own idea is {@link TrackingPages}.
 */
@Controller
class PortalPages {

	/** Where a POST without the session's CSRF token is sent (see PortalWeb). */
	static final String REFUSED_FORM = "/portal/refused/form";

	/** Where a client over its rate limit is sent (see PortalRateLimits). */
	static final String REFUSED_RATE = "/portal/refused/rate";

	static final String RETRY_AFTER_ATTRIBUTE = PortalPages.class.getName() + ".retryAfter";

	private final IdeaSubmission submission;

	private final PublicChallenges challenges;

	private final PublicIdeas publicIdeas;

	private final OfficialActRepository register;

	private final PublishedDatasetRepository catalogue;

	private final Figures figures;

	private final Checklists checklists;

	private final Partners partners;

	private final PublicCommitments commitments;

	PortalPages(IdeaSubmission submission, PublicIdeas publicIdeas, OfficialActRepository register,
			PublishedDatasetRepository catalogue, Figures figures, Checklists checklists, Partners partners,
			PublicCommitments commitments, PublicChallenges challenges) {
		this.challenges = challenges;
		this.checklists = checklists;
		this.partners = partners;
		this.commitments = commitments;
		this.submission = submission;
		this.publicIdeas = publicIdeas;
		this.register = register;
		this.catalogue = catalogue;
		this.figures = figures;
	}

	@GetMapping("/")
	String home() {
		return "portal/home";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "portal/privacy";
	}

	@GetMapping("/submit")
	String submitForm(Model model) {
		IdeaForm form = new IdeaForm();
		form.setSubmissionKey(UUID.randomUUID().toString());
		model.addAttribute("idea", form);
		return submitPage(model);
	}

	@PostMapping("/submit")
	String submit(@Valid @ModelAttribute("idea") IdeaForm form, BindingResult errors, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return submitPage(model);
		}
		IdeaSubmission.Submitted submitted;
		try {
			submitted = submission.submit(newIdea(form, form.getSubmissionKey(), locale));
		}
		catch (IdeaSubmission.IdempotencyKeyReusedException changedAfterSending) {
			// sent once, then changed (back button) and sent again: another idea
			submitted = submission.submit(newIdea(form, UUID.randomUUID().toString(), locale));
		}
		catch (IdeaSubmission.SubmissionRepeatedException stillRunning) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("inProgress", true);
			return submitPage(model);
		}
		TrackingPages.unlock(request, submitted.idea().reference());
		redirect.addFlashAttribute("submitted", new Submitted(submitted.idea().reference(), submitted.trackingCode(),
				submitted.idea().title(), form.getEmail() != null && !form.getEmail().isBlank()));
		return "redirect:/submit/thanks";
	}

	/** The answer page: the reference and the tracking code, shown once (a flash). */
	record Submitted(String reference, String trackingCode, String title, boolean mailed) {
	}

	@GetMapping("/submit/thanks")
	String thanks() {
		return "portal/thanks";
	}

	private String submitPage(Model model) {
		model.addAttribute("themes", Theme.values());
		model.addAttribute("reaches", Reach.values());
		return "portal/submit";
	}

	private static IdeaService.NewIdea newIdea(IdeaForm form, String key, Locale locale) {
		return new IdeaService.NewIdea(form.getTitle().strip(), form.getDescription().strip(), form.getTheme(),
				form.getReach(), Channel.PORTAL, blankToNull(form.getName()), blankToNull(form.getEmail()), key,
				locale.getLanguage(), blankToNull(form.getPlace()), form.isPublicBoard(), form.isConsent());
	}

	@GetMapping("/ideas")
	String board(@RequestParam(required = false) String status, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String reach, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") String page, Model model) {
		PublicIdeas.Filter filter = new PublicIdeas.Filter(option(PublicStatus.class, status),
				option(Theme.class, theme), option(Reach.class, reach),
				q == null ? null : q.strip().substring(0, Math.min(q.strip().length(), 120)));
		PublicIdeas.BoardPage board = publicIdeas.board(filter, number(page) - 1);
		model.addAttribute("filter", filter);
		model.addAttribute("board", board);
		model.addAttribute("statuses", PublicIdeas.BOARD_STATUSES);
		model.addAttribute("themes", Theme.values());
		model.addAttribute("reaches", Reach.values());
		model.addAttribute("challenges", challenges.onBoard());
		return "portal/board";
	}

	@GetMapping("/ideas/{reference}")
	String idea(@PathVariable String reference, Model model, HttpServletResponse response) {
		return publicIdeas.publicIdea(reference).map(idea -> {
			model.addAttribute("publicIdea", idea);
			model.addAttribute("partners", partners.publicPartners(reference));
			model.addAttribute("commitments", commitments.of(reference));
			model.addAttribute("checklist", checklists.of(reference));
			return "portal/idea";
		}).orElseGet(() -> notFound(response));
	}

	@GetMapping("/figures")
	String figures(Model model) {
		Figures.CityFigures city = figures.city();
		Map<String, Charts.Chart> charts = new LinkedHashMap<>();
		charts.put("status", Charts.counts(city.ideasByStatus()));
		charts.put("theme", Charts.counts(city.ideasByTheme()));
		charts.put("reach", Charts.counts(city.ideasByReach()));
		charts.put("days", Charts.days(city.daysPerStage()));
		charts.put("datasets", Charts.datasets(city.datasetsByDepartment()));
		charts.put("funding", Charts.funding(city.fundingGranted()));
		charts.put("checklist", Charts.checklist(city.checklist()));
		model.addAttribute("figures", city);
		model.addAttribute("charts", charts);
		return "portal/figures";
	}

	@GetMapping("/services")
	String services(Model model) {
		model.addAttribute("services", publicIdeas.services());
		return "portal/services";
	}

	@GetMapping("/register")
	String register(Model model) {
		model.addAttribute("acts", register.findAllByOrderByActYearDescActSequenceDesc());
		return "portal/register";
	}

	@GetMapping("/datasets")
	String datasets(Model model) {
		model.addAttribute("datasets", catalogue.findAll(Sort.by(Sort.Direction.DESC, "issuedAt", "catalogueId")));
		return "portal/datasets";
	}

	@RequestMapping(REFUSED_FORM)
	String refusedForm(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "portal/refused-form";
	}

	@RequestMapping(PortalBodyLimit.REFUSED_SIZE)
	String refusedSize(HttpServletResponse response) {
		response.setStatus(413);
		return "portal/refused-size";
	}

	@RequestMapping(REFUSED_RATE)
	String refusedRate(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(429);
		model.addAttribute("seconds", request.getAttribute(RETRY_AFTER_ATTRIBUTE));
		return "portal/refused-rate";
	}

	static String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "portal/not-found";
	}

	/** A filter's value, or null for "any" (also for a value that is none of ours). */
	private static <E extends Enum<E>> E option(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static int number(String page) {
		try {
			return Math.max(1, Integer.parseInt(page));
		}
		catch (NumberFormatException notANumber) {
			return 1;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
