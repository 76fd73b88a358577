package city.ideatoservice.challenge;

import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_FORMAT;
import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_ID;
import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_REFERENCE;
import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_SECTOR;
import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_TITLE;
import static city.ideatoservice.challenge.ChallengeVariables.CLOSES_ON;
import static city.ideatoservice.challenge.ChallengeVariables.CRITERIA;
import static city.ideatoservice.challenge.ChallengeVariables.EXTERNAL_JURORS;
import static city.ideatoservice.challenge.ChallengeVariables.MAX_CRITERIA;
import static city.ideatoservice.challenge.ChallengeVariables.OFFERED_DATASETS;
import static city.ideatoservice.challenge.ChallengeVariables.OPENS_ON;
import static city.ideatoservice.challenge.ChallengeVariables.PARTNERS;
import static city.ideatoservice.challenge.ChallengeVariables.PRIZES;
import static city.ideatoservice.challenge.ChallengeVariables.PROBLEM_STATEMENT;
import static city.ideatoservice.challenge.ChallengeVariables.PUBLIC_TEXT;
import static city.ideatoservice.challenge.ChallengeVariables.STAFF_JURORS;
import static city.ideatoservice.challenge.ChallengeVariables.WEIGHT_SUM;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import city.ideatoservice.form.FormValidation;
import city.ideatoservice.form.TypedDates;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.organisation.FormOptions;
import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.PartnerVariables;
import city.ideatoservice.partner.Partners;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Define challenge": the rules a form cannot express, checked on the server (the form's
 * own rules are checked by FormValidation before): the window closes on or after the day
 * it opens, at least one prize and no place twice, one to five criteria whose weights add
 * up to 100, at least one staff juror of the list and exactly one chair, no juror twice.
 * The challenge is then kept in its tables (DRAFT until published); the contacts of
 * partners and external jurors leave the process. Returned by communications, the task
 * shows them again from the tables.
 */
@Component
public class ChallengeDefinition implements TaskListener {

	private final FormValidation forms;

	private final FormOptions options;

	private final Challenges challenges;

	private final Partners partners;

	ChallengeDefinition(FormValidation forms, FormOptions options, Challenges challenges, Partners partners) {
		this.forms = forms;
		this.options = options;
		this.challenges = challenges;
		this.partners = partners;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			showAgain(task);
		}
		else {
			define(task);
		}
	}

	private void showAgain(DelegateTask task) {
		Object id = task.getVariable(CHALLENGE_ID);
		if (id == null) {
			return;
		}
		Long challengeId = ((Number) id).longValue();
		List<Map<String, Object>> partnerItems = new ArrayList<>();
		for (Partner partner : partners.ofChallenge(challengeId)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put(PartnerVariables.ORGANISATION, partner.organisation());
			item.put(PartnerVariables.KIND, partner.kind().name());
			item.put(PartnerVariables.ROLE, partner.role());
			item.put(PartnerVariables.CONTACT_PERSON, partner.contactPerson());
			item.put(PartnerVariables.EMAIL, partner.email());
			item.put(PartnerVariables.PUBLIC_LISTING, partner.publicListing());
			partnerItems.add(item);
		}
		task.setVariableLocal(PARTNERS, JsonVariables.list(partnerItems));
		List<Map<String, Object>> external = new ArrayList<>();
		challenges.jurors(challengeId).stream().filter(ChallengeJuror::isExternal).forEach(juror -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("name", juror.name());
			item.put("email", juror.email());
			external.add(item);
		});
		task.setVariableLocal(EXTERNAL_JURORS, JsonVariables.list(external));
	}

	private void define(DelegateTask task) {
		FormInput input = FormInput.of(task);
		LocalDate opensOn = LocalDate.parse(input.text(OPENS_ON));
		LocalDate closesOn = LocalDate.parse(input.text(CLOSES_ON));
		if (closesOn.isBefore(opensOn)) {
			throw forms.invalid(task, CLOSES_ON, "the window cannot close (" + TypedDates.DAY.format(closesOn)
					+ ") before it opens (" + TypedDates.DAY.format(opensOn) + ").");
		}
		List<Challenges.Prize> prizes = prizes(task, input.items(PRIZES));
		List<Challenges.Criterion> criteria = criteria(task, input.items(CRITERIA));
		List<Challenges.Juror> jurors = jurors(task, input.items(STAFF_JURORS), input.items(EXTERNAL_JURORS));
		List<String> datasets = input.list(OFFERED_DATASETS).stream().map(String::valueOf).distinct().toList();
		Object id = task.getVariable(CHALLENGE_ID);
		Challenge challenge = challenges.define(id == null ? null : ((Number) id).longValue(),
				new Challenges.Definition(input.text(CHALLENGE_TITLE), Theme.valueOf(input.text(CHALLENGE_SECTOR)),
						input.text(PROBLEM_STATEMENT), ChallengeFormat.valueOf(input.text(CHALLENGE_FORMAT)), opensOn,
						closesOn, input.text(PUBLIC_TEXT), task.getAssignee(), prizes, jurors, criteria, datasets));
		partners.replaceChallengePartners(challenge.id(), input.items(PARTNERS));
		task.removeVariable(PARTNERS);
		task.removeVariable(EXTERNAL_JURORS);
		task.setVariable(CHALLENGE_ID, challenge.id());
		task.setVariable(CHALLENGE_REFERENCE, challenge.reference());
		task.setVariable(OPENS_ON, opensOn.toString());
		task.setVariable(CLOSES_ON, closesOn.toString());
	}

	private List<Challenges.Prize> prizes(DelegateTask task, List<Map<String, Object>> items) {
		if (items.isEmpty()) {
			throw forms.invalid(task, PRIZES, "add at least one prize.");
		}
		Set<Integer> places = new HashSet<>();
		List<Challenges.Prize> prizes = new ArrayList<>();
		for (Map<String, Object> item : items) {
			int place = new BigDecimal(String.valueOf(item.get("place"))).intValueExact();
			if (!places.add(place)) {
				throw forms.invalid(task, PRIZES, "place " + place + " has two prizes; give each place one prize.");
			}
			Object amount = item.get("amount");
			prizes.add(new Challenges.Prize(place, String.valueOf(item.get("description")).strip(),
					amount == null || String.valueOf(amount).isBlank() ? null
							: new BigDecimal(String.valueOf(amount)).setScale(2, java.math.RoundingMode.UNNECESSARY)));
		}
		return prizes;
	}

	private List<Challenges.Criterion> criteria(DelegateTask task, List<Map<String, Object>> items) {
		if (items.isEmpty() || items.size() > MAX_CRITERIA) {
			throw forms.invalid(task, CRITERIA,
					"give 1 to " + MAX_CRITERIA + " criteria; there are " + items.size() + ".");
		}
		List<Challenges.Criterion> criteria = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int sum = 0;
		for (Map<String, Object> item : items) {
			String name = String.valueOf(item.get("name")).strip();
			if (!names.add(name.toLowerCase(Locale.ROOT))) {
				throw forms.invalid(task, CRITERIA, "'" + name + "' is there twice.");
			}
			int weight = new BigDecimal(String.valueOf(item.get("weight"))).intValueExact();
			sum += weight;
			criteria.add(new Challenges.Criterion(name, weight));
		}
		if (sum != WEIGHT_SUM) {
			throw forms.invalid(task, CRITERIA,
					"the weights add up to " + sum + "; they must add up to " + WEIGHT_SUM + ".");
		}
		return criteria;
	}

	private List<Challenges.Juror> jurors(DelegateTask task, List<Map<String, Object>> staff,
			List<Map<String, Object>> external) {
		Map<String, String> names = new LinkedHashMap<>();
		options.championOptions(task.getProcessEngineServices().getIdentityService())
			.forEach(option -> names.put(option.get("value"), option.get("label")));
		if (staff.isEmpty()) {
			throw forms.invalid(task, STAFF_JURORS, "add at least one staff juror; one of them chairs the jury.");
		}
		List<Challenges.Juror> jurors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int chairs = 0;
		for (Map<String, Object> item : staff) {
			String userId = String.valueOf(item.get("juror"));
			if (!names.containsKey(userId)) {
				throw forms.invalid(task, STAFF_JURORS, "choose the jurors from the list of civil servants.");
			}
			if (!seen.add(userId)) {
				throw forms.invalid(task, STAFF_JURORS, names.get(userId) + " is on the jury twice.");
			}
			boolean chair = Boolean.TRUE.equals(item.get("chair"));
			chairs += chair ? 1 : 0;
			String name = names.get(userId);
			// the label is "Name (Group)": the jury lists the name
			jurors.add(new Challenges.Juror(userId,
					name.contains(" (") ? name.substring(0, name.lastIndexOf(" (")) : name, null, chair));
		}
		if (chairs != 1) {
			throw forms.invalid(task, STAFF_JURORS,
					"mark exactly one staff juror as the chair of the jury; " + chairs + " are marked.");
		}
		for (Map<String, Object> item : external) {
			String email = String.valueOf(item.get("email")).strip();
			if (!seen.add(email.toLowerCase(Locale.ROOT))) {
				throw forms.invalid(task, EXTERNAL_JURORS, email + " is on the jury twice.");
			}
			jurors.add(new Challenges.Juror(null, String.valueOf(item.get("name")).strip(), email, false));
		}
		return jurors;
	}

}
