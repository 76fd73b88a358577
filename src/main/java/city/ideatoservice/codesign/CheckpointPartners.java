package city.ideatoservice.codesign;

import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.partner.PartnerVariables.CHECKPOINT_PARTNER_IDS;
import static city.ideatoservice.partner.PartnerVariables.ORGANISATION;
import static city.ideatoservice.partner.PartnerVariables.PARTNER_OPTIONS;
import static city.ideatoservice.partner.PartnerVariables.PARTNER_VIEWS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review milestone checkpoint" is assessed together with the partners: when the task is
 * created, its form gets one entry per current partner for their view, and the partners
 * to choose from for a change of the partnership (task-local variables, which Tasklist
 * reads with the form).
 */
@Component
public class CheckpointPartners implements TaskListener {

	private final Partners partners;

	CheckpointPartners(Partners partners) {
		this.partners = partners;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Partner> current = partners.current((String) task.getVariable(IDEA_REFERENCE));
		task.setVariableLocal(PARTNER_VIEWS,
				JsonVariables.list(current.stream().map(partner -> Map.of(ORGANISATION, label(partner))).toList()));
		task.setVariableLocal(PARTNER_OPTIONS, JsonVariables.list(current.stream().map(partner -> {
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label", label(partner));
			option.put("value", String.valueOf(partner.id()));
			return option;
		}).toList()));
		task.setVariableLocal(CHECKPOINT_PARTNER_IDS, JsonVariables.list(current.stream().map(Partner::id).toList()));
	}

	static String label(Partner partner) {
		return partner.organisation() + " (" + partner.role() + ")";
	}

}
