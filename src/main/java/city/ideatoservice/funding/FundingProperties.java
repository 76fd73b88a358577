package city.ideatoservice.funding;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prototype funding: how many rounds a champion gets (a denied or partial request may be revised and resubmitted
 * until then) and each sponsor department's yearly prototype budget in euros. Who approves what is in the DMN
 * funding-approval.
 */
@ConfigurationProperties("idea-to-service.funding")
public record FundingProperties(int maxRounds, Map<String, BigDecimal> yearlyBudgets) {

	public FundingProperties {
		yearlyBudgets = yearlyBudgets == null ? Map.of() : Map.copyOf(yearlyBudgets);
	}

}
