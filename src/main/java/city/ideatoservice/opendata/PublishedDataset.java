package city.ideatoservice.opendata;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A dataset in the city's open-data catalogue, described with DCAT-AP terms. */
@Table("published_dataset")
public record PublishedDataset(@Id String catalogueId, String ideaReference, String title, String description,
		String publisherDepartment, String licence, String format, String accessUrl, String updateFrequency,
		String keywords, String contactPoint, Instant issuedAt,
		@Transient @JsonIgnore boolean isNew) implements Persistable<String> {

	/** Spring Data calls this with the persisted columns. */
	@PersistenceCreator
	public PublishedDataset(String catalogueId, String ideaReference, String title, String description,
			String publisherDepartment, String licence, String format, String accessUrl, String updateFrequency,
			String keywords, String contactPoint, Instant issuedAt) {
		this(catalogueId, ideaReference, title, description, publisherDepartment, licence, format, accessUrl,
				updateFrequency, keywords, contactPoint, issuedAt, false);
	}

	@Override
	@JsonIgnore
	public String getId() {
		return catalogueId;
	}

	@Override
	@JsonIgnore
	public boolean isNew() {
		return isNew;
	}

}
