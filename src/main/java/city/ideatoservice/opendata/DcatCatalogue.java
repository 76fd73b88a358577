package city.ideatoservice.opendata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.organisation.Departments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The catalogue as DCAT-AP JSON-LD, for open-data portals (CKAN, data.europa.eu) to
 * harvest: a dcat:Catalog with a dcat:Dataset and a dcat:Distribution per published
 * dataset, licences, formats and frequencies as the EU's authority URIs, each typed with
 * the class DCAT-AP's range shapes ask for. The context is inline, so a harvester needs
 * nothing else to read it.
 */
@Component
public class DcatCatalogue {

	static final Map<String, Object> CONTEXT = Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct",
			"http://purl.org/dc/terms/", "foaf", "http://xmlns.com/foaf/0.1/", "vcard",
			"http://www.w3.org/2006/vcard/ns#", "xsd", "http://www.w3.org/2001/XMLSchema#");

	static final Map<String, String> LICENCES = Map.of("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
			"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "ODbL-1.0",
			"https://opendatacommons.org/licenses/odbl/1-0/");

	static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";

	private final String baseUrl;

	private final Departments departments;

	private final List<CatalogueContribution> contributions;

	DcatCatalogue(@Value("${idea-to-service.public-base-url}") String baseUrl, Departments departments,
			List<CatalogueContribution> contributions) {
		this.baseUrl = baseUrl;
		this.departments = departments;
		this.contributions = contributions;
	}

	public Map<String, Object> catalogue(List<PublishedDataset> datasets) {
		Map<String, Object> catalogue = new LinkedHashMap<>();
		catalogue.put("@context", CONTEXT);
		catalogue.put("@id", baseUrl + "/api/datasets/catalog.jsonld");
		catalogue.put("@type", "dcat:Catalog");
		catalogue.put("dct:title", "Open data of the city: datasets opened for citizens' ideas");
		catalogue.put("dct:description", "Datasets the city's departments opened so that ideas could become services.");
		catalogue.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", "City administration"));
		List<Map<String, Object>> listed = new ArrayList<>(datasets.stream().map(this::dataset).toList());
		contributions.forEach(contribution -> listed.add(contributed(contribution.dataset())));
		catalogue.put("dcat:dataset", listed);
		return catalogue;
	}

	/** A dataset of the application's own by its identifier. */
	java.util.Optional<Map<String, Object>> contributed(String identifier) {
		return contributions.stream()
			.map(CatalogueContribution::dataset)
			.filter(dataset -> dataset.identifier().equals(identifier))
			.findFirst()
			.map(this::contributed);
	}

	/** A dataset of the application's own, with a distribution per format. */
	Map<String, Object> contributed(CatalogueContribution.Dataset dataset) {
		String uri = baseUrl + "/api/datasets/" + dataset.identifier();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@id", uri);
		json.put("@type", "dcat:Dataset");
		json.put("dct:identifier", dataset.identifier());
		json.put("dct:title", dataset.title());
		json.put("dct:description", dataset.description());
		json.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", "City administration"));
		json.put("dct:modified", Map.of("@value",
				java.time.format.DateTimeFormatter.ISO_INSTANT.format(dataset.modified()), "@type", "xsd:dateTime"));
		json.put("dct:accrualPeriodicity",
				Map.of("@id", FREQUENCY + frequency(dataset.frequency()), "@type", "dct:Frequency"));
		json.put("dcat:keyword", dataset.keywords());
		json.put("dcat:contactPoint", Map.of("@type", List.of("vcard:Kind", "vcard:Organization"), "vcard:fn",
				"City administration", "vcard:hasEmail", Map.of("@id", "mailto:" + dataset.contactPoint())));
		List<Map<String, Object>> distributions = new ArrayList<>();
		for (CatalogueContribution.Distribution file : dataset.distributions()) {
			Map<String, Object> distribution = new LinkedHashMap<>();
			distribution.put("@id", uri + "#" + file.path().substring(file.path().lastIndexOf('/') + 1));
			distribution.put("@type", "dcat:Distribution");
			distribution.put("dct:title", file.title());
			distribution.put("dcat:accessURL", Map.of("@id", baseUrl + file.path()));
			distribution.put("dcat:downloadURL", Map.of("@id", baseUrl + file.path()));
			distribution.put("dcat:mediaType", Map.of("@id",
					"https://www.iana.org/assignments/media-types/" + file.mediaType(), "@type", "dct:MediaType"));
			distribution.put("dct:format",
					Map.of("@id", FILE_TYPE + file.fileType(), "@type", "dct:MediaTypeOrExtent"));
			distribution.put("dct:license", Map.of("@id", LICENCES.getOrDefault(dataset.licence(), dataset.licence()),
					"@type", "dct:LicenseDocument"));
			distributions.add(distribution);
		}
		json.put("dcat:distribution", distributions);
		return json;
	}

	Map<String, Object> dataset(PublishedDataset dataset) {
		String uri = baseUrl + "/api/datasets/" + dataset.catalogueId();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@id", uri);
		json.put("@type", "dcat:Dataset");
		json.put("dct:identifier", dataset.catalogueId());
		json.put("dct:title", dataset.title());
		json.put("dct:description", dataset.description());
		json.put("dct:publisher",
				Map.of("@type", "foaf:Agent", "foaf:name",
						departments.byGroup(dataset.publisherDepartment())
							.map(d -> d.name() + " department")
							.orElse(dataset.publisherDepartment())));
		json.put("dct:issued", Map.of("@value",
				java.time.format.DateTimeFormatter.ISO_INSTANT.format(dataset.issuedAt()), "@type", "xsd:dateTime"));
		json.put("dct:accrualPeriodicity",
				Map.of("@id", FREQUENCY + frequency(dataset.updateFrequency()), "@type", "dct:Frequency"));
		json.put("dcat:keyword", keywords(dataset.keywords()));
		json.put("dcat:contactPoint", Map.of("@type", List.of("vcard:Kind", "vcard:Organization"), "vcard:fn",
				dataset.publisherDepartment(), "vcard:hasEmail", Map.of("@id", "mailto:" + dataset.contactPoint())));
		Map<String, Object> distribution = new LinkedHashMap<>();
		distribution.put("@id", uri + "#distribution");
		distribution.put("@type", "dcat:Distribution");
		distribution.put("dcat:accessURL", Map.of("@id", dataset.accessUrl()));
		distribution.put("dct:license", Map.of("@id", LICENCES.getOrDefault(dataset.licence(), dataset.licence()),
				"@type", "dct:LicenseDocument"));
		if (!"API".equals(dataset.format())) {
			distribution.put("dct:format",
					Map.of("@id", FILE_TYPE + dataset.format(), "@type", "dct:MediaTypeOrExtent"));
		}
		json.put("dcat:distribution", List.of(distribution));
		return json;
	}

	private static String frequency(String frequency) {
		return "IRREGULAR".equals(frequency) ? "IRREG" : frequency;
	}

	private static List<String> keywords(String keywords) {
		if (keywords == null || keywords.isBlank()) {
			return List.of();
		}
		return new ArrayList<>(
				Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList());
	}

}
