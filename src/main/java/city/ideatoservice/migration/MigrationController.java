package city.ideatoservice.migration;

import java.util.List;
import java.util.Map;

import city.ideatoservice.identity.StaffAccess;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff API of the migration page (HTTP Basic, a Camunda account of the process
 * designers or operators): the plan per older version, and the move of the instances that
 * can move ({@link InstanceMigrations}).
 */
@RestController
@RequestMapping("/api/staff/migrations")
@Tag(name = "Migration of running instances (staff)",
		description = "Move running instances of a model's older versions to its newest version")
class MigrationController {

	record VersionReport(int version, String versionTag, long running, String instructionFile,
			boolean instructionFilePresent, List<String> mappings, List<String> notInNewest, List<String> planProblems,
			List<String> movable, List<InstanceMigrations.Blocked> blocked) {
	}

	record Report(String key, String name, int newestVersion, String newestVersionTag, String newestDefinitionId,
			int movable, int blocked, List<VersionReport> versions, List<InstanceMigrations.Run> runs) {
	}

	record Confirmation(String newestDefinitionId) {
	}

	private final InstanceMigrations migrations;

	private final IdentityService identity;

	MigrationController(InstanceMigrations migrations, IdentityService identity) {
		this.migrations = migrations;
		this.identity = identity;
	}

	@GetMapping("/{key}")
	@Operation(summary = "The plan: per older version with running instances, which can move and which cannot, why",
			description = "Each instance is tried alone in a transaction that is rolled back: nothing moves.")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a process designer or an operator")
	@Problem(status = 404, when = "there is no model with this key")
	Report plan(@PathVariable String key) {
		StaffAccess.require(identity, MigrationPage.REFUSAL, Groups.PROCESS_DESIGNERS, Groups.OPERATORS);
		InstanceMigrations.Preview preview = refusedAsStatus(() -> migrations.preview(key));
		return new Report(key, preview.name(), preview.newest().number(), preview.newest().tag(),
				preview.newest().definitionId(), preview.movableCount(), preview.blockedCount(),
				preview.versions()
					.stream()
					.map(version -> new VersionReport(version.from().number(), version.from().tag(),
							version.from().running(), version.instructionFile(), version.instructionFilePresent(),
							version.mappings(), version.notInNewest(), version.planProblems(), version.movable(),
							version.blocked()))
					.toList(),
				migrations.runs(key));
	}

	@PostMapping("/{key}")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202",
			description = "the batches are started; GET shows their progress")
	@Operation(summary = "Moves the instances that can move (a batch per version); the others stay where they are",
			description = "With newestDefinitionId, refused when the newest version is another one than the one reviewed.")
	@Problem(status = 401, when = "no staff login")
	@Problem(status = 403, when = "the user is not a process designer or an operator")
	@Problem(status = 404, when = "there is no model with this key")
	@Problem(status = 409, when = "no instance can move, or a newer version was deployed since the plan was reviewed")
	ResponseEntity<Map<String, Object>> run(@PathVariable String key,
			@RequestBody(required = false) Confirmation confirmation) {
		StaffAccess.require(identity, MigrationPage.REFUSAL, Groups.PROCESS_DESIGNERS, Groups.OPERATORS);
		try {
			List<InstanceMigrations.Run> started = refusedAsStatus(
					() -> migrations.run(key, confirmation == null ? null : confirmation.newestDefinitionId(),
							identity.getCurrentAuthentication().getUserId()));
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("started", started));
		}
		catch (AuthorizationException ex) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Your account may not move instances of this model.");
		}
	}

	private static <T> T refusedAsStatus(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (InstanceMigrations.Refused ex) {
			throw new ResponseStatusException(HttpStatus.valueOf(ex.status()), ex.getMessage());
		}
	}

}
