package city.ideatoservice.transparency;

import java.util.List;

import city.ideatoservice.opendata.CatalogueContribution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The process export as a dataset of the DCAT-AP catalogue, one distribution per file.
 */
@Component
class ProcessExportListing implements CatalogueContribution {

	static final String IDENTIFIER = "idea-to-service-process";

	private final ProcessExport export;

	private final String contactPoint;

	ProcessExportListing(ProcessExport export,
			@Value("${idea-to-service.process-export.contact-point:opendata@city.example}") String contactPoint) {
		this.export = export;
		this.contactPoint = contactPoint;
	}

	@Override
	public Dataset dataset() {
		return new Dataset(IDENTIFIER, "Citizens' ideas and the decisions on them",
				"The ideas on the public board (reference, title, theme, reach, public statuses with their days and"
						+ " public reasons, act numbers, datasets) and the decisions taken on them (stage, outcome, day,"
						+ " deciding group), made every day. No personal data.",
				"CC-BY-4.0", "DAILY", List.of("citizen-driven innovation", "city services", "decisions"), contactPoint,
				export.current().madeAt(),
				List.of(new Distribution("/api/open-data/process.json", "Ideas and decisions (JSON)", "JSON",
						"application/json"),
						new Distribution("/api/open-data/ideas.csv", "Ideas (CSV)", "CSV", "text/csv"),
						new Distribution("/api/open-data/statuses.csv", "Statuses of the ideas (CSV)", "CSV",
								"text/csv"),
						new Distribution("/api/open-data/decisions.csv", "Decisions (CSV)", "CSV", "text/csv")));
	}

}
