package city.ideatoservice.migration;

import java.util.List;
import java.util.Optional;

import city.ideatoservice.identity.StaffPages;
import city.ideatoservice.organisation.Groups;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving running instances to a model's newest version, for process designers and
 * operators (/staff/migrations, their Tasklist login): every model with the instances on
 * older versions; per model the plan from each older version, how many instances can
 * move, and those that cannot with where they wait and why; on confirmation the move, and
 * the progress of the migrations started.
 */
@Controller
@RequestMapping("/staff/migrations")
class MigrationPage {

	static final String REFUSAL = "Moving running instances to a new version of a model is for process designers "
			+ "and operators.";

	private final InstanceMigrations migrations;

	private final IdentityService identity;

	MigrationPage(InstanceMigrations migrations, IdentityService identity) {
		this.migrations = migrations;
		this.identity = identity;
	}

	@GetMapping
	String models(Model model, HttpServletResponse response) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		model.addAttribute("models", migrations.models());
		return "staff/migrations";
	}

	@GetMapping("/{key}")
	String plan(@PathVariable String key, Model model, HttpServletResponse response) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			model.addAttribute("preview", migrations.preview(key));
		}
		catch (InstanceMigrations.Refused ex) {
			response.setStatus(ex.status());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("models", migrations.models());
			return "staff/migrations";
		}
		model.addAttribute("runs", runs(key));
		return "staff/migration";
	}

	@PostMapping("/{key}/run")
	String run(@PathVariable String key, @RequestParam(defaultValue = "") String newest, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			List<InstanceMigrations.Run> started = migrations.run(key, newest,
					identity.getCurrentAuthentication().getUserId());
			int instances = started.stream().mapToInt(InstanceMigrations.Run::instances).sum();
			redirect.addFlashAttribute("notice", "Started: " + instances + " instance(s) move to "
					+ started.get(0).toVersion() + ". The progress is below; reload the page to follow it.");
			return "redirect:/staff/migrations/" + key;
		}
		catch (InstanceMigrations.Refused ex) {
			return again(key, model, response, ex.status(), ex.getMessage());
		}
		catch (AuthorizationException ex) {
			return again(key, model, response, 403, "Your account may not move instances of this model.");
		}
		catch (ProcessEngineException ex) {
			return again(key, model, response, 409, "The migration could not start: " + ex.getMessage());
		}
	}

	private String again(String key, Model model, HttpServletResponse response, int status, String message) {
		String page = plan(key, model, response);
		response.setStatus(status);
		model.addAttribute("error", message);
		return page;
	}

	private List<InstanceMigrations.Run> runs(String key) {
		return migrations.runs(key)
			.stream()
			.map(run -> new InstanceMigrations.Run(run.id(), run.key(), run.fromVersion(), run.toVersion(),
					run.batchId(), run.instances(), run.leftBehind(), StaffPages.personName(identity, run.startedBy()),
					run.startedAt(), run.state(), run.jobsDone(), run.jobsTotal(), run.failedJobs(), run.failures(),
					run.moved(), run.ended(), run.stillOnOld()))
			.toList();
	}

	private Optional<String> access(Model model, HttpServletResponse response) {
		return StaffPages.refused(identity, model, response, REFUSAL, Groups.PROCESS_DESIGNERS, Groups.OPERATORS);
	}

}
