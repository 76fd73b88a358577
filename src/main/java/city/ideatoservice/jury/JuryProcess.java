package city.ideatoservice.jury;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import city.ideatoservice.challenge.Challenge;
import city.ideatoservice.challenge.ChallengeCriterion;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeEntryRepository;
import city.ideatoservice.challenge.ChallengeJuror;
import city.ideatoservice.challenge.ChallengeJurorRepository;
import city.ideatoservice.challenge.ChallengePrize;
import city.ideatoservice.challenge.ChallengePrizeRepository;
import city.ideatoservice.challenge.ChallengeRepository;
import city.ideatoservice.form.FormValidation;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.Notifications;
import city.ideatoservice.process.FormInput;
import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of challenge-judging: the jury's score sheets, the links of external jurors,
 * reminders to late jurors and the chair's decision about them, the ranking, the casting
 * vote on a full tie and the chair's confirmation of winners and prizes.
 */
@Component("jury")
public class JuryProcess {

	private final ScoreSheets sheets;

	private final Ranking ranking;

	private final ChallengeRepository challenges;

	private final ChallengeJurorRepository jurors;

	private final ChallengeEntryRepository entries;

	private final ChallengePrizeRepository prizes;

	private final Notifications notifications;

	private final FormValidation forms;

	private final JuryProperties properties;

	private final String publicBaseUrl;

	JuryProcess(ScoreSheets sheets, Ranking ranking, ChallengeRepository challenges, ChallengeJurorRepository jurors,
			ChallengeEntryRepository entries, ChallengePrizeRepository prizes, Notifications notifications,
			FormValidation forms, JuryProperties properties,
			@Value("${idea-to-service.public-base-url}") String publicBaseUrl) {
		this.sheets = sheets;
		this.ranking = ranking;
		this.challenges = challenges;
		this.jurors = jurors;
		this.entries = entries;
		this.prizes = prizes;
		this.notifications = notifications;
		this.forms = forms;
		this.properties = properties;
		this.publicBaseUrl = publicBaseUrl;
	}

	private static long challengeId(org.camunda.bpm.engine.delegate.VariableScope scope) {
		return ((Number) scope.getVariable(JuryVariables.CHALLENGE_ID)).longValue();
	}

	// ---- "Prepare the score sheets"

	/** A sheet per juror and batch; scoring due after the scoring period; the chair. */
	public void prepare(DelegateExecution execution) {
		long challengeId = challengeId(execution);
		Challenge challenge = challenges.findById(challengeId).orElseThrow();
		sheets.prepare(challengeId);
		execution.setVariable(JuryVariables.CHALLENGE_TITLE, challenge.title());
		LocalDate due = LocalDate.ofInstant(ScoreSheets.now(), ZoneId.systemDefault()).plus(properties.scoringPeriod());
		execution.setVariable(JuryVariables.SCORING_DEADLINE,
				Date.from(due.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
		execution.setVariable(JuryVariables.JURY_CHAIR,
				jurors.findByChallengeIdOrderById(challengeId)
					.stream()
					.filter(juror -> juror.chair() && !juror.isExternal())
					.map(ChallengeJuror::userId)
					.findFirst()
					.orElse(null));
	}

	/** The collection of the jury's multi-instance. */
	public List<Long> sheetIds(DelegateExecution execution) {
		return sheets.ids(challengeId(execution));
	}

	// ---- external jurors

	/** "Send the scoring link": a one-time link by e-mail (queued with this step). */
	public void invite(DelegateExecution execution) {
		sendLink(execution, sheetId(execution), NotificationKind.JURY_INVITATION);
	}

	private void sendLink(DelegateExecution execution, long sheetId, NotificationKind kind) {
		ScoreSheets.Sheet sheet = sheets.sheet(sheetId);
		Instant until = linkUntil(execution);
		String token = sheets.issueToken(sheetId, until);
		ChallengeJuror juror = jurors.findById(sheet.jurorId()).orElseThrow();
		Map<String, String> parameters = mailParameters(execution, juror, until);
		parameters.put("link", publicBaseUrl + "/jury/" + token);
		parameters.put("entries", String.valueOf(sheet.entryIds().size()));
		notifications.toJuror(kind, reference(execution), juror.id(), parameters);
	}

	private Instant linkUntil(DelegateExecution execution) {
		Instant deadline = ((Date) execution.getVariable(JuryVariables.SCORING_DEADLINE)).toInstant();
		Instant byValidity = ScoreSheets.now().plus(properties.linkValidity());
		Instant byDeadline = deadline.plus(properties.graceAfterReminder());
		return byValidity.isAfter(byDeadline) ? byValidity : byDeadline;
	}

	private Map<String, String> mailParameters(DelegateExecution execution, ChallengeJuror juror, Instant until) {
		Map<String, String> parameters = new HashMap<>();
		parameters.put("reference", reference(execution));
		parameters.put("title", String.valueOf(execution.getVariable(JuryVariables.CHALLENGE_TITLE)));
		parameters.put("name", juror.name());
		parameters.put("due", LocalDate.ofInstant(until, ZoneId.systemDefault()).toString());
		parameters.put("portalUrl", publicBaseUrl);
		return parameters;
	}

	private static String reference(org.camunda.bpm.engine.delegate.VariableScope scope) {
		return String.valueOf(scope.getVariable(JuryVariables.CHALLENGE_REFERENCE));
	}

	private static long sheetId(org.camunda.bpm.engine.delegate.VariableScope scope) {
		return ((Number) scope.getVariable(JuryVariables.SCORE_SHEET_ID)).longValue();
	}

	// ---- a staff juror's task "Score challenge entries"

	/** Fills the form: the sheet's entries and the challenge's criteria (task-local). */
	public void fillScoreSheet(DelegateTask task) {
		ScoreSheets.Sheet sheet = sheets.sheet(sheetId(task));
		List<Map<String, Object>> shown = new ArrayList<>();
		for (ScoreSheets.SheetEntry entry : sheets.entries(sheet)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put(JuryVariables.ENTRY_TITLE, entry.title());
			item.put(JuryVariables.TEAM_NAME, entry.teamName() == null ? "—" : entry.teamName());
			item.put(JuryVariables.IDEA_REFERENCE, entry.ideaReference());
			item.put("ideaDescription", entry.description());
			item.put(JuryVariables.CONFLICT, false);
			shown.add(item);
		}
		task.setVariableLocal(JuryVariables.SCORE_SHEET, JsonVariables.list(shown));
		List<ChallengeCriterion> criteria = sheets.criteria(sheet.challengeId());
		for (int position = 1; position <= JuryVariables.MAX_CRITERIA; position++) {
			ChallengeCriterion criterion = position <= criteria.size() ? criteria.get(position - 1) : null;
			task.setVariableLocal(JuryVariables.criterionName(position),
					criterion == null ? null : criterion.name() + " (weight " + criterion.weight() + ")");
		}
	}

	/**
	 * Checks and keeps the juror's scores (every entry: a conflict, or every criterion).
	 */
	public void recordScoreSheet(DelegateTask task) {
		ScoreSheets.Sheet sheet = sheets.sheet(sheetId(task));
		try {
			sheets.record(sheet, sheets.read(sheet, FormInput.of(task).items(JuryVariables.SCORE_SHEET)));
		}
		catch (JuryScoreException refused) {
			throw forms.invalid(task, JuryVariables.SCORE_SHEET, refused.getMessage());
		}
	}

	// ---- late jurors

	/**
	 * "Remind the late jurors": a mail to each juror with an open sheet (a new link for
	 * an external juror).
	 */
	public void remindLateJurors(DelegateExecution execution) {
		Set<Long> reminded = new TreeSet<>();
		for (ScoreSheets.Sheet sheet : sheets.open(challengeId(execution))) {
			ChallengeJuror juror = jurors.findById(sheet.jurorId()).orElseThrow();
			if (juror.isExternal()) {
				sendLink(execution, sheet.id(), NotificationKind.JURY_REMINDER);
			}
			else if (reminded.add(juror.id())) {
				Map<String, String> parameters = mailParameters(execution, juror, linkUntil(execution));
				parameters.put("link", publicBaseUrl + "/camunda/app/tasklist/");
				notifications.toStaff(NotificationKind.JURY_REMINDER, null, reference(execution), juror.userId(),
						parameters);
			}
		}
	}

	/** The chair's form: who is late, with how many entries. */
	public void fillLateJurors(DelegateTask task) {
		StringBuilder late = new StringBuilder();
		for (ScoreSheets.Sheet sheet : sheets.open(challengeId(task))) {
			ChallengeJuror juror = jurors.findById(sheet.jurorId()).orElseThrow();
			late.append("- ")
				.append(markdown(juror.name()))
				.append(juror.isExternal() ? " (external juror)" : "")
				.append(": ")
				.append(sheet.entryIds().size())
				.append(" entries\n");
		}
		task.setVariableLocal(JuryVariables.LATE_JURORS, late.toString());
	}

	/**
	 * Waiting longer moves the deadline (and the external jurors' links) to the day
	 * chosen.
	 */
	public void recordLateJurorsDecision(DelegateTask task) {
		if (!"WAIT".equals(task.getVariable(JuryVariables.LATE_JURORS_DECISION))) {
			return;
		}
		LocalDate until = LocalDate.parse(String.valueOf(task.getVariable(JuryVariables.WAIT_UNTIL)));
		if (!until.isAfter(LocalDate.ofInstant(ScoreSheets.now(), ZoneId.systemDefault()))) {
			throw forms.invalid(task, JuryVariables.WAIT_UNTIL, "choose a day after today.");
		}
		Instant deadline = until.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
		task.setVariable(JuryVariables.SCORING_DEADLINE, Date.from(deadline));
		sheets.extendLinks(challengeId(task), deadline.plus(properties.graceAfterReminder()));
	}

	/**
	 * How long the chair waits after the reminder before deciding (ISO 8601, for the
	 * timer).
	 */
	public String grace() {
		return properties.grace();
	}

	// ---- ranking

	/** "Rank the entries": scoring is over; is there a full tie for the chair? */
	public void rank(DelegateExecution execution) {
		long challengeId = challengeId(execution);
		sheets.closeOpen(challengeId);
		execution.setVariable(JuryVariables.ENTRIES_TIED, !ranking.fullTies(ranking.standings(challengeId)).isEmpty());
	}

	/** The chair's casting vote: the fully tied entries, each group by its score. */
	public void fillCastingVote(DelegateTask task) {
		List<Map<String, Object>> shown = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (List<Ranking.Standing> tie : ranking.fullTies(ranking.standings(challengeId(task)))) {
			for (Ranking.Standing standing : tie) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("tie", "Tied at " + points(standing.score()) + " points, first criterion "
						+ points(standing.firstCriterion()));
				item.put(JuryVariables.ENTRY_TITLE, standing.title());
				shown.add(item);
				ids.add(standing.entryId());
			}
		}
		task.setVariableLocal(JuryVariables.TIED_ENTRIES, JsonVariables.list(shown));
		task.setVariableLocal(JuryVariables.TIED_ENTRY_IDS, JsonVariables.list(ids));
	}

	/** Each group of tied entries gets the places 1..n among themselves, once each. */
	public void recordCastingVote(DelegateTask task) {
		List<Ranking.Standing> standings = ranking.standings(challengeId(task));
		List<List<Ranking.Standing>> ties = ranking.fullTies(standings);
		List<Map<String, Object>> filledIn = FormInput.of(task).items(JuryVariables.TIED_ENTRIES);
		int total = ties.stream().mapToInt(List::size).sum();
		if (filledIn.size() != total) {
			throw forms.invalid(task, JuryVariables.TIED_ENTRIES,
					"give a place to each of the " + total + " tied entries, in the order listed.");
		}
		List<Long> order = new ArrayList<>();
		int index = 0;
		for (List<Ranking.Standing> tie : ties) {
			Map<Integer, Long> byPlace = new java.util.TreeMap<>();
			for (Ranking.Standing standing : tie) {
				Object value = filledIn.get(index++).get(JuryVariables.PLACE);
				int place;
				try {
					place = new BigDecimal(String.valueOf(value)).intValueExact();
				}
				catch (RuntimeException ex) {
					throw forms.invalid(task, JuryVariables.TIED_ENTRIES,
							standing.title() + ": Place among the tied entries must be a whole number.");
				}
				if (place < 1 || place > tie.size() || byPlace.putIfAbsent(place, standing.entryId()) != null) {
					throw forms.invalid(task, JuryVariables.TIED_ENTRIES,
							standing.title() + ": Place among the tied entries must be one of 1 to " + tie.size()
									+ ", each place once.");
				}
			}
			order.addAll(byPlace.values());
		}
		task.setVariable(JuryVariables.CASTING_ORDER, String.join(",", order.stream().map(String::valueOf).toList()));
	}

	/** "Record the ranking": score and place of each entry in challenge_entry. */
	public void recordRanking(DelegateExecution execution) {
		long challengeId = challengeId(execution);
		ranking.record(ranking.places(ranking.standings(challengeId), castingOrder(execution)));
	}

	private static List<Long> castingOrder(org.camunda.bpm.engine.delegate.VariableScope scope) {
		Object order = scope.getVariable(JuryVariables.CASTING_ORDER);
		return order == null || String.valueOf(order).isBlank() ? List.of()
				: Arrays.stream(String.valueOf(order).split(",")).map(Long::valueOf).toList();
	}

	// ---- "Confirm winners and prizes"

	/**
	 * The ranking as a table, the prizes by place, proposed to the entries in those
	 * places.
	 */
	public void fillWinners(DelegateTask task) {
		long challengeId = challengeId(task);
		List<ChallengeEntry> ranked = entries.findByChallengeIdOrderById(challengeId)
			.stream()
			.filter(entry -> entry.ranking() != null)
			.sorted(java.util.Comparator.comparing(ChallengeEntry::ranking))
			.toList();
		Map<Long, Ranking.Standing> standings = new HashMap<>();
		ranking.standings(challengeId).forEach(standing -> standings.put(standing.entryId(), standing));
		StringBuilder table = new StringBuilder(
				"| Place | Entry | Team | Score (0–100) | Jurors |\n|---|---|---|---|---|\n");
		List<Map<String, String>> options = new ArrayList<>();
		for (ChallengeEntry entry : ranked) {
			Ranking.Standing standing = standings.get(entry.id());
			boolean withdrawn = standing.withdrawn();
			table.append("| ")
				.append(entry.ranking())
				.append(" | ")
				.append(markdown(standing.title()))
				.append(withdrawn ? " (withdrawn)" : "")
				.append(" | ")
				.append(entry.teamName() == null ? "—" : markdown(entry.teamName()))
				.append(" | ")
				.append(points(entry.score()))
				.append(" | ")
				.append(standing.jurors())
				.append(" |\n");
			if (!withdrawn) {
				Map<String, String> option = new LinkedHashMap<>();
				option.put("label", entry.ranking() + ". " + standing.title());
				option.put("value", String.valueOf(entry.id()));
				options.add(option);
			}
		}
		task.setVariableLocal(JuryVariables.RANKING_TABLE, table.toString());
		task.setVariableLocal(JuryVariables.RANKED_ENTRY_OPTIONS, JsonVariables.list(options));
		List<ChallengePrize> places = prizes.findByChallengeIdOrderByPlace(challengeId);
		for (int n = 1; n <= JuryVariables.MAX_PRIZES; n++) {
			ChallengePrize prize = n <= places.size() ? places.get(n - 1) : null;
			task.setVariableLocal(JuryVariables.prizeLabel(n), prize == null ? null : prizeLabel(prize));
			String proposed = null;
			if (prize != null) {
				int place = prize.place();
				proposed = ranked.stream()
					.filter(entry -> entry.ranking() == place && !standings.get(entry.id()).withdrawn())
					.map(entry -> String.valueOf(entry.id()))
					.findFirst()
					.orElse(null);
			}
			task.setVariableLocal(JuryVariables.prizeEntry(n), proposed);
		}
	}

	/**
	 * Each prize at most once, only to a ranked entry still in the running, one prize an
	 * entry.
	 */
	public void recordWinners(DelegateTask task) {
		long challengeId = challengeId(task);
		List<ChallengePrize> places = prizes.findByChallengeIdOrderByPlace(challengeId);
		Map<Long, ChallengeEntry> byId = new HashMap<>();
		entries.findByChallengeIdOrderById(challengeId).forEach(entry -> byId.put(entry.id(), entry));
		Map<Long, Long> awarded = new LinkedHashMap<>();
		Set<Long> winners = new TreeSet<>();
		for (int n = 1; n <= Math.min(places.size(), JuryVariables.MAX_PRIZES); n++) {
			Object chosen = task.getVariable(JuryVariables.prizeEntry(n));
			if (chosen == null || String.valueOf(chosen).isBlank()) {
				continue;
			}
			ChallengeEntry entry;
			try {
				entry = byId.get(Long.valueOf(String.valueOf(chosen)));
			}
			catch (NumberFormatException ex) {
				entry = null;
			}
			String key = JuryVariables.prizeEntry(n);
			// the label as the form shows it (a variable): the message names it itself
			String label = prizeLabel(places.get(n - 1));
			if (entry == null || entry.ranking() == null) {
				throw new FormFieldValidationException(key, label + ": choose a ranked entry.");
			}
			if (!sheets.inTheRunning(entry)) {
				throw new FormFieldValidationException(key, label + ": this entry was withdrawn and cannot win.");
			}
			if (!winners.add(entry.id())) {
				throw new FormFieldValidationException(key, label + ": this entry already has a prize.");
			}
			awarded.put(places.get(n - 1).id(), entry.id());
		}
		ranking.confirmWinners(challengeId, awarded);
	}

	private static String prizeLabel(ChallengePrize prize) {
		return "Prize for place " + prize.place() + ": " + prize.description()
				+ (prize.amount() == null ? "" : " (EUR " + prize.amount().toPlainString() + ")");
	}

	static String points(BigDecimal value) {
		if (value == null) {
			return "—";
		}
		return new DecimalFormat("0.0##", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
	}

	/** A name in a Markdown text component: no markup from it. */
	static String markdown(String text) {
		return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]|<>])", "\\\\$1").replaceAll("\\s+", " ");
	}

}
