package city.ideatoservice.funding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prototype funding: how many rounds a champion gets (a denied or partial request may be
 * revised and resubmitted until then). Who approves what is in the DMN funding-approval;
 * each department's yearly budget is in the department's settings
 * (idea-to-service.organisation.departments).
 */
@ConfigurationProperties("idea-to-service.funding")
public record FundingProperties(int maxRounds) {

}
