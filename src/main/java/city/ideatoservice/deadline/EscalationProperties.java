package city.ideatoservice.deadline;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who hears about an overdue task: the lead group of each group, and of tasks assigned to
 * one person.
 */
@ConfigurationProperties("idea-to-service.escalation")
public record EscalationProperties(Map<String, String> leadGroups, String assigneeLeadGroup) {

	public EscalationProperties {
		leadGroups = leadGroups == null ? Map.of() : Map.copyOf(leadGroups);
	}

}
