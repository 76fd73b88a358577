package city.ideatoservice.opendata;

import java.time.Clock;
import java.util.Collection;

import city.ideatoservice.idea.IdeaService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Datasets already in the catalogue that an idea's co-design uses: each is linked to the
 * idea as published, so it counts toward the open-data threshold without being opened
 * again (once, however often it is named).
 */
@Service
public class CatalogueLinks {

	private final IdeaService ideas;

	private final PublishedDatasetRepository catalogue;

	private final DatasetRequestRepository requests;

	private final Clock clock;

	CatalogueLinks(IdeaService ideas, PublishedDatasetRepository catalogue, DatasetRequestRepository requests,
			Clock clock) {
		this.ideas = ideas;
		this.catalogue = catalogue;
		this.requests = requests;
		this.clock = clock;
	}

	/** Links these catalogue ids (a form chose them from the catalogue) to the idea. */
	@Transactional
	public void link(String reference, Collection<?> catalogueIds) {
		Long ideaId = ideas.require(reference).id();
		for (Object catalogueId : catalogueIds) {
			PublishedDataset dataset = catalogue.findById(String.valueOf(catalogueId))
				.orElseThrow(() -> new IllegalArgumentException("No dataset " + catalogueId + " in the catalogue"));
			if (!requests.existsByIdeaIdAndCatalogueIdAndOutcome(ideaId, dataset.catalogueId(),
					DatasetRequest.PUBLISHED)) {
				requests.save(new DatasetRequest(null, ideaId, dataset.title(), dataset.publisherDepartment(),
						DatasetRequest.PUBLISHED, dataset.catalogueId(), null, clock.instant(),
						DatasetRequest.CATALOGUE));
			}
		}
	}

}
