package city.ideatoservice.opendata;

import java.time.Instant;
import java.util.List;

/**
 * A dataset of the application's own that the DCAT-AP catalogue lists beside the datasets
 * opened for ideas (e.g. the process as open data), with a distribution per format.
 */
public interface CatalogueContribution {

	/**
	 * A download: the path under the public base URL, the EU file type (CSV, JSON) and
	 * the media type.
	 */
	record Distribution(String path, String title, String fileType, String mediaType) {
	}

	/**
	 * The dataset: licence as the publishing form names it (CC-BY-4.0, CC0-1.0,
	 * ODbL-1.0), frequency as the EU's authority names it (DAILY, ...).
	 */
	record Dataset(String identifier, String title, String description, String licence, String frequency,
			List<String> keywords, String contactPoint, Instant modified, List<Distribution> distributions) {
	}

	Dataset dataset();

}
