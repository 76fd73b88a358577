package city.ideatoservice.opendata;

import java.util.Map;

import city.ideatoservice.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The open-data catalogue, readable without logging in: as JSON pages, and as DCAT-AP
 * JSON-LD for harvesters.
 */
@RestController
@RequestMapping("/api/datasets")
@Tag(name = "Open data", description = "The catalogue of datasets opened for ideas (DCAT-AP 3.0)")
class CatalogueController {

	static final int MAX_PAGE_SIZE = 100;

	private final PublishedDatasetRepository catalogue;

	private final DcatCatalogue dcat;

	CatalogueController(PublishedDatasetRepository catalogue, DcatCatalogue dcat) {
		this.catalogue = catalogue;
		this.dcat = dcat;
	}

	@GetMapping
	@Operation(summary = "The datasets, oldest first, a page at a time")
	@Problem(status = 400, when = "page below 0, or size outside 1 to 100")
	PagedModel<PublishedDataset> datasets(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
		}
		return new PagedModel<>(catalogue.findAll(PageRequest.of(page, size, Sort.by("issuedAt", "catalogueId"))));
	}

	@GetMapping(value = "/catalog.jsonld", produces = { "application/ld+json", "application/json" })
	@Operation(summary = "The whole catalogue as DCAT-AP 3.0 JSON-LD, for harvesters")
	Map<String, Object> catalogueAsJsonLd() {
		return dcat.catalogue(catalogue.findAll(Sort.by("issuedAt", "catalogueId")));
	}

	@GetMapping("/{catalogueId}")
	@Operation(summary = "One dataset as DCAT-AP JSON-LD")
	@Problem(status = 404, when = "there is no such dataset")
	Map<String, Object> dataset(@PathVariable String catalogueId) {
		return catalogue.findById(catalogueId)
			.map(dcat::dataset)
			.or(() -> dcat.contributed(catalogueId))
			.map(dataset -> {
				Map<String, Object> json = new java.util.LinkedHashMap<>(dataset);
				json.put("@context", DcatCatalogue.CONTEXT);
				return json;
			})
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dataset " + catalogueId + "."));
	}

}
