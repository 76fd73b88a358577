package city.ideatoservice.deadline;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who hears about an overdue task, never the group that let it pass: a department's
 * heads, a city-wide group's leads ({@code <group>-leads}), or whom the settings name
 * instead: another lead group ({@code lead-groups}) or one person ({@code lead-users}).
 * Tasks assigned to one person (the champion) escalate to {@code assignee-lead-group}.
 */
@ConfigurationProperties("idea-to-service.escalation")
public record EscalationProperties(Map<String, String> leadGroups, Map<String, String> leadUsers,
		String assigneeLeadGroup) {

	public EscalationProperties {
		leadGroups = leadGroups == null ? Map.of() : Map.copyOf(leadGroups);
		leadUsers = leadUsers == null ? Map.of() : Map.copyOf(leadUsers);
		leadGroups.forEach((group, lead) -> {
			if (group.equals(lead)) {
				throw new IllegalArgumentException("idea-to-service.escalation.lead-groups." + group + " is " + lead
						+ ": an overdue task of a group escalates to its leads, never to the group itself. Remove the"
						+ " entry (the leads are then " + group
						+ "-leads) or name another group or a lead-users entry.");
			}
		});
	}

}
