package city.ideatoservice.codesign;

import static city.ideatoservice.codesign.CodesignVariables.CHECKPOINT_DECISION;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;
import static city.ideatoservice.partner.PartnerVariables.CHANGE_PARTNERSHIP;
import static city.ideatoservice.partner.PartnerVariables.CHECKPOINT_PARTNER_IDS;
import static city.ideatoservice.partner.PartnerVariables.LEAVING_PARTNERS;
import static city.ideatoservice.partner.PartnerVariables.NEW_PARTNERS;
import static city.ideatoservice.partner.PartnerVariables.OPINION;
import static city.ideatoservice.partner.PartnerVariables.OPINION_COMMENT;
import static city.ideatoservice.partner.PartnerVariables.PARTNER_VIEWS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.partner.PartnerOpinion;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review milestone checkpoint": the champion records the decision with each partner's
 * view (in the order the form listed the partners), and any change of the partnership:
 * partners who leave, partners who join. The partners hear of the assessment by e-mail;
 * those who join are welcomed.
 */
@Component
public class CheckpointAssessmentRecorder implements TaskListener {

	static final String MILESTONE_TITLE = "milestoneTitle";

	private final FormValidation forms;

	private final Partners partners;

	CheckpointAssessmentRecorder(FormValidation forms, Partners partners) {
		this.forms = forms;
		this.partners = partners;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		List<Long> partnerIds = input.list(CHECKPOINT_PARTNER_IDS)
			.stream()
			.map(id -> ((Number) id).longValue())
			.toList();
		List<Map<String, Object>> views = input.items(PARTNER_VIEWS);
		if (views.size() != partnerIds.size()) {
			throw forms.invalid(task, PARTNER_VIEWS,
					"give the view of each of the " + partnerIds.size() + " partners, in the order listed.");
		}
		List<Partners.Opinion> opinions = new ArrayList<>();
		for (int i = 0; i < views.size(); i++) {
			String opinion = text(views.get(i), OPINION);
			String comment = text(views.get(i), OPINION_COMMENT);
			if (PartnerOpinion.COMMENT.equals(opinion) && comment == null) {
				throw forms.invalid(task, PARTNER_VIEWS, "entry " + (i + 1) + ": write the partner's comment.");
			}
			opinions.add(new Partners.Opinion(partnerIds.get(i), opinion, comment));
		}
		partners.assess(reference, input.text(MILESTONE_TITLE), input.text(CHECKPOINT_DECISION), task.getAssignee(),
				opinions);
		if (Boolean.TRUE.equals(task.getVariable(CHANGE_PARTNERSHIP))) {
			Set<String> current = partnerIds.stream().map(String::valueOf).collect(Collectors.toSet());
			partners.leave(reference, input.choices(LEAVING_PARTNERS, current).stream().map(Long::valueOf).toList());
			partners.join(reference, input.items(NEW_PARTNERS));
		}
		// the next checkpoint starts without this one's changes; contacts live in the
		// partner table only
		task.removeVariable(CHANGE_PARTNERSHIP);
		task.removeVariable(LEAVING_PARTNERS);
		task.removeVariable(NEW_PARTNERS);
	}

	private static String text(Map<String, Object> entry, String key) {
		Object value = entry.get(key);
		return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
	}

}
