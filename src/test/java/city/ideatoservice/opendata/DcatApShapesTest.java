package city.ideatoservice.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import city.ideatoservice.IdeaToServiceTest;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The catalogue harvesters read passes the official DCAT-AP 3.0.0 SHACL shapes, the
 * cardinalities and datatypes (shapes.ttl) and the classes of the objects (range.ttl), as
 * data.europa.eu's validator applies them (Apache Jena SHACL). The shapes are SEMIC's
 * files in ../shared/standards/dcat-ap-3.0.0, read where they are (the repository is
 * cloned with ../shared beside it), not copied. The catalogue is like the demo's: every
 * licence, format and update frequency the publishing form offers.
 */
@IdeaToServiceTest
class DcatApShapesTest {

	static final Path SHAPES = Path.of("..", "shared", "standards", "dcat-ap-3.0.0");

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedDatasetRepository catalogue;

	@BeforeEach
	void demoLikeCatalogue() {
		catalogue.deleteAll();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String[] licences = { "CC-BY-4.0", "CC0-1.0", "ODbL-1.0" };
		String[] formats = { "CSV", "JSON", "GEOJSON", "XML", "XLSX", "API" };
		String[] frequencies = { "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREGULAR", "NEVER" };
		String[] departments = { "dept-mobility", "dept-culture", "dept-environment" };
		List<PublishedDataset> datasets = new ArrayList<>();
		for (int i = 0; i < frequencies.length; i++) {
			datasets.add(new PublishedDataset("demo-dataset-" + i, "IDEA-2026-00000" + i, "Service points " + i,
					"Opened for the idea IDEA-2026-00000" + i, departments[i % departments.length],
					licences[i % licences.length], formats[i % formats.length],
					"https://data.city.example/dataset-" + i, frequencies[i], i % 2 == 0 ? "open data, prototype" : "",
					"opendata@city.example", now.minus(i, ChronoUnit.DAYS), true));
		}
		catalogue.saveAll(datasets);
	}

	Graph harvested() throws Exception {
		String body = mvc.perform(get("/api/datasets/catalog.jsonld"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return RDFParser.fromString(body, Lang.JSONLD).toGraph();
	}

	static Shapes officialShapes() {
		Path shapes = SHAPES.resolve("shapes.ttl");
		Path range = SHAPES.resolve("range.ttl");
		assertThat(shapes).as("DCAT-AP shapes beside the repository (../shared/standards)").exists();
		Graph graph = RDFParser.source(shapes).toGraph();
		RDFParser.source(range).parse(graph);
		return Shapes.parse(graph);
	}

	static String readable(ValidationReport report) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		ShLib.printReport(out, report);
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void theCatalogueConformsToDcatApIncludingTheRangeShapes() throws Exception {
		ValidationReport report = ShaclValidator.get().validate(officialShapes(), harvested());

		assertThat(report.conforms()).as(readable(report)).isTrue();
	}

	@Test
	void theProcessExportIsAmongTheDatasetsThatConform() throws Exception {
		Graph graph = harvested();
		org.apache.jena.rdf.model.Model model = ModelFactory.createModelForGraph(graph);
		org.apache.jena.rdf.model.Resource export = model
			.listSubjectsWithProperty(org.apache.jena.vocabulary.DCTerms.identifier, "idea-to-service-process")
			.next();
		assertThat(model.listObjectsOfProperty(export, model.createProperty("http://www.w3.org/ns/dcat#distribution"))
			.toList()).hasSize(4);

		ValidationReport report = ShaclValidator.get().validate(officialShapes(), graph);

		assertThat(report.conforms()).as(readable(report)).isTrue();
	}

	@Test
	void theShapesFindWhatAHarvesterWouldRefuse() throws Exception {
		Graph untyped = harvested();
		// a licence that is only an address, as the catalogue had it before
		org.apache.jena.rdf.model.Model model = ModelFactory.createModelForGraph(untyped);
		model.removeAll(null, org.apache.jena.vocabulary.RDF.type,
				model.createResource("http://purl.org/dc/terms/LicenseDocument"));

		ValidationReport report = ShaclValidator.get().validate(officialShapes(), untyped);

		assertThat(report.conforms()).isFalse();
		assertThat(report.getEntries()).isNotEmpty()
			.allSatisfy(entry -> assertThat(entry.resultPath().toString()).contains("license"));
	}

}
