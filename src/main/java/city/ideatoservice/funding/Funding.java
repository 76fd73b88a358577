package city.ideatoservice.funding;

import org.springframework.stereotype.Component;

/**
 * The model's view of the funding settings: {@code ${fundingRequestRound <
 * funding.maxRounds()}}.
 */
@Component("funding")
public class Funding {

	private final FundingProperties properties;

	Funding(FundingProperties properties) {
		this.properties = properties;
	}

	public int maxRounds() {
		return properties.maxRounds();
	}

}
