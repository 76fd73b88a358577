package city.ideatoservice.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures and the process as open data, for programs, without a login: the same
 * numbers as the figures page, and the day's export listed in the catalogue.
 */
@RestController
@Tag(name = "Figures and open data", description = "The city's record in numbers, and the process as open data")
class TransparencyApi {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Figures figures;

	private final ProcessExport export;

	TransparencyApi(Figures figures, ProcessExport export) {
		this.figures = figures;
		this.export = export;
	}

	@GetMapping(value = "/api/figures", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The figures: ideas per status, theme and reach, days per stage, datasets, services, funding,"
			+ " the guidebook's checklist for the city")
	Figures.CityFigures figures() {
		return figures.city();
	}

	@GetMapping(value = "/api/figures.csv", produces = "text/csv")
	@Operation(summary = "The figures as CSV: one row per figure, category and year")
	ResponseEntity<String> figuresCsv() {
		return ResponseEntity.ok().contentType(CSV).body(FiguresCsv.of(figures.city()));
	}

	@GetMapping(value = "/api/open-data/process.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The day's export of the ideas on the public board and the decisions on them, as JSON")
	ResponseEntity<byte[]> processJson() {
		ProcessExport.Export today = export.current();
		return daily(today, MediaType.APPLICATION_JSON, today.json());
	}

	@GetMapping(value = "/api/open-data/ideas.csv", produces = "text/csv")
	@Operation(summary = "The day's export of the ideas on the public board, one row per idea, as CSV")
	ResponseEntity<byte[]> ideasCsv() {
		ProcessExport.Export today = export.current();
		return daily(today, CSV, today.ideasCsv());
	}

	@GetMapping(value = "/api/open-data/statuses.csv", produces = "text/csv")
	@Operation(summary = "The day's export of the public statuses of those ideas with days and public reasons, as CSV")
	ResponseEntity<byte[]> statusesCsv() {
		ProcessExport.Export today = export.current();
		return daily(today, CSV, today.statusesCsv());
	}

	@GetMapping(value = "/api/open-data/decisions.csv", produces = "text/csv")
	@Operation(
			summary = "The day's export of the decisions on those ideas (stage, outcome, day, deciding group), as CSV")
	ResponseEntity<byte[]> decisionsCsv() {
		ProcessExport.Export today = export.current();
		return daily(today, CSV, today.decisionsCsv());
	}

	private static ResponseEntity<byte[]> daily(ProcessExport.Export today, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.lastModified(today.madeAt())
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(body);
	}

}
