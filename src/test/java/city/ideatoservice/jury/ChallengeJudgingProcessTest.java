package city.ideatoservice.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * challenge-judging on its own, started as innovation-challenge calls it once the window
 * closed with entries: staff jurors score in Tasklist (submit-form, the sheet as a Json
 * list), late jurors are reminded and the chair closes without them or waits, conflicts
 * leave a juror out, ties go to the first criterion and then to the chair's casting vote,
 * and the chair confirms winners and prizes; a withdrawn entry never wins.
 */
@IdeaToServiceTest
class ChallengeJudgingProcessTest {

	static final String SCORE = "Task_ScoreEntries";

	static final String DECIDE_LATE = "Task_DecideLateJurors";

	static final String CASTING_VOTE = "Task_CastDecidingVote";

	static final String CONFIRM = "Task_ConfirmWinners";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	JuryFixture fixture;

	@Autowired
	NotificationRepository notifications;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser("juror-ada", "dept-mobility");
		support.ensureUser("juror-ben", "dept-environment");
		support.ensureUser("juror-cy", "innovation-office");
	}

	Task scoringTaskOf(JuryFixture.Made made, String juror) {
		return support.tasks(made.reference(), SCORE)
			.stream()
			.filter(task -> juror.equals(task.getAssignee()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no scoring task of " + juror));
	}

	/** The sheet as the form shows it, each entry filled in: null = conflict. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> filledIn(ProcessEngine engine, Task task, int[]... scores) {
		SpinJsonNode shown = (SpinJsonNode) engine.getTaskService()
			.getVariableLocal(task.getId(), JuryVariables.SCORE_SHEET);
		List<Map<String, Object>> entries = new ArrayList<>();
		List<Object> items = shown.mapTo(List.class);
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) items.get(i));
			if (scores[i] == null) {
				entry.put(JuryVariables.CONFLICT, true);
			}
			else {
				for (int c = 0; c < scores[i].length; c++) {
					entry.put(JuryVariables.criterion(c + 1), scores[i][c]);
				}
				entry.put(JuryVariables.COMMENT, "Solid work");
			}
			entries.add(entry);
		}
		return entries;
	}

	void score(JuryFixture.Made made, String juror, int[]... scores) {
		Task task = scoringTaskOf(made, juror);
		support.submitAs(juror, task.getId(),
				Map.of(JuryVariables.SCORE_SHEET, JsonVariables.list(filledIn(engine, task, scores))));
	}

	void confirm(JuryFixture.Made made, Map<String, Object> form) {
		Task task = support.task(made.reference(), CONFIRM);
		support.submitAs("juror-ada", task.getId(), form);
	}

	@Test
	void weightedScoresRankTheEntriesAndAConflictLeavesTheJurorOut() {
		JuryFixture.Made made = fixture.challenge("clean the air")
			.criterion("Impact", 70)
			.criterion("Feasibility", 30)
			.prize("Pilot in the city", "5000.00")
			.prize("Mentoring", null)
			.staffJuror("juror-ada", true)
			.staffJuror("juror-ben", false)
			.entry("Moss walls", "Green Team")
			.entry("Bike buses", null);
		ProcessInstance instance = made.start();
		assertThat(instance).isWaitingAt(SCORE);
		assertThat(support.tasks(made.reference(), SCORE)).hasSize(2);
		Task ada = scoringTaskOf(made, "juror-ada");
		assertThat(engine.getTaskService().getVariableLocal(ada.getId(), JuryVariables.criterionName(1)))
			.isEqualTo("Impact (weight 70)");
		assertThat(engine.getTaskService().getVariableLocal(ada.getId(), JuryVariables.criterionName(3))).isNull();

		// out of bounds: refused, naming the criterion as the form shows it
		assertThatThrownBy(() -> score(made, "juror-ada", new int[] { 11, 0 }, null))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Impact (weight 70) must be at most 10");
		// a missing score of an entry without a conflict: refused
		assertThatThrownBy(() -> score(made, "juror-ada", new int[] { 10 }, null))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Feasibility (weight 30) is required");

		// ada: 70 for the moss walls, a conflict with the bike buses; ben: 50 and 74
		score(made, "juror-ada", new int[] { 10, 0 }, null);
		score(made, "juror-ben", new int[] { 5, 5 }, new int[] { 8, 6 });
		assertThat(instance).isWaitingAt(CONFIRM);
		assertThat(support.task(made.reference(), CONFIRM).getAssignee()).isEqualTo("juror-ada");

		ChallengeEntry moss = made.entry(0);
		ChallengeEntry bikes = made.entry(1);
		assertThat(moss.score()).isEqualByComparingTo("60");
		assertThat(bikes.score()).as("ada's conflict: ben's score only").isEqualByComparingTo("74");
		assertThat(bikes.ranking()).isEqualTo(1);
		assertThat(moss.ranking()).isEqualTo(2);

		// proposed: the first prize to the first place; the chair keeps it and gives
		// the second prize to the second place
		Task confirm = support.task(made.reference(), CONFIRM);
		assertThat(engine.getTaskService().getVariableLocal(confirm.getId(), JuryVariables.prizeEntry(1)))
			.isEqualTo(String.valueOf(bikes.id()));
		assertThat(
				String.valueOf(engine.getTaskService().getVariableLocal(confirm.getId(), JuryVariables.RANKING_TABLE)))
			.contains("| 1 | Bike buses |", "| 2 | Moss walls | Green Team | 60.0 | 2 |");
		assertThatThrownBy(() -> confirm(made,
				Map.of(JuryVariables.prizeEntry(1), String.valueOf(bikes.id()), JuryVariables.prizeEntry(2),
						String.valueOf(bikes.id()))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("Prize for place 2: Mentoring: this entry already has a prize");
		confirm(made, Map.of(JuryVariables.prizeEntry(1), String.valueOf(bikes.id()), JuryVariables.prizeEntry(2),
				String.valueOf(moss.id())));
		assertThat(instance).isEnded().hasPassed("EndEvent_AllSheetsScored", "EndEvent_WinnersConfirmed");
		assertThat(made.entry(1).winner()).isTrue();
		assertThat(made.entry(1).prizeId()).isEqualTo(made.prizes.get(0).id());
		assertThat(made.entry(0).prizeId()).isEqualTo(made.prizes.get(1).id());
	}

	@Test
	void equalScoresGoToTheHigherFirstCriterion() {
		JuryFixture.Made made = fixture.challenge("share tools")
			.criterion("Impact", 50)
			.criterion("Cost", 50)
			.prize("Pilot", null)
			.staffJuror("juror-ada", true)
			.entry("Tool library", null)
			.entry("Repair café", null);
		ProcessInstance instance = made.start();
		// both 60 points; the repair café has the higher impact
		score(made, "juror-ada", new int[] { 4, 8 }, new int[] { 8, 4 });
		assertThat(instance).isWaitingAt(CONFIRM).hasNotPassed(CASTING_VOTE);
		assertThat(made.entry(0).score()).isEqualByComparingTo(made.entry(1).score());
		assertThat(made.entry(1).ranking()).isEqualTo(1);
		assertThat(made.entry(0).ranking()).isEqualTo(2);
	}

	@Test
	void aFullTieGoesToTheChairsCastingVote() {
		JuryFixture.Made made = fixture.challenge("plant trees")
			.criterion("Impact", 60)
			.criterion("Cost", 40)
			.staffJuror("juror-ada", true)
			.staffJuror("juror-ben", false)
			.entry("Tree sponsors", null)
			.entry("Street orchards", null)
			.entry("Roof gardens", null);
		ProcessInstance instance = made.start();
		score(made, "juror-ada", new int[] { 6, 6 }, new int[] { 6, 6 }, new int[] { 9, 9 });
		score(made, "juror-ben", new int[] { 7, 5 }, new int[] { 7, 5 }, new int[] { 9, 9 });
		assertThat(instance).isWaitingAt(CASTING_VOTE);
		Task vote = support.task(made.reference(), CASTING_VOTE);
		SpinJsonNode tied = (SpinJsonNode) engine.getTaskService()
			.getVariableLocal(vote.getId(), JuryVariables.TIED_ENTRIES);
		assertThat(tied.elements()).hasSize(2);
		assertThat(tied.elements().get(0).prop("tie").stringValue())
			.isEqualTo("Tied at 61.0 points, first criterion 6.5");

		List<Map<String, Object>> places = new ArrayList<>();
		for (SpinJsonNode entry : tied.elements()) {
			Map<String, Object> item = new HashMap<>();
			item.put("tie", entry.prop("tie").stringValue());
			item.put(JuryVariables.ENTRY_TITLE, entry.prop(JuryVariables.ENTRY_TITLE).stringValue());
			item.put(JuryVariables.PLACE, 1);
			places.add(item);
		}
		assertThatThrownBy(() -> support.submitAs("juror-ada", vote.getId(),
				Map.of(JuryVariables.TIED_ENTRIES, JsonVariables.list(places))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("each place once");
		// the street orchards first
		places.get(1).put(JuryVariables.PLACE, 1);
		places.get(0).put(JuryVariables.PLACE, 2);
		support.submitAs("juror-ada", vote.getId(), Map.of(JuryVariables.TIED_ENTRIES, JsonVariables.list(places)));
		assertThat(instance).isWaitingAt(CONFIRM);
		assertThat(made.entry(2).ranking()).isEqualTo(1);
		assertThat(made.entry(1).ranking()).isEqualTo(2);
		assertThat(made.entry(0).ranking()).isEqualTo(3);
		confirm(made, Map.of());
		assertThat(instance).isEnded();
		assertThat(made.entry(2).winner()).as("no prizes, no winners").isFalse();
	}

	@Test
	void aLateJurorIsRemindedThenTheChairClosesScoringWithoutThem() {
		JuryFixture.Made made = fixture.challenge("cool the squares")
			.criterion("Impact", 100)
			.prize("Pilot", "1000")
			.staffJuror("juror-ada", true)
			.staffJuror("juror-ben", false)
			.externalJuror("Erin External", "erin@example.org")
			.entry("Water mist", null)
			.entry("Shade sails", null);
		ProcessInstance instance = made.start();
		long erin = made.jurors.get("Erin External").id();
		assertThat(jurorMails(erin, NotificationKind.JURY_INVITATION)).hasSize(1);
		score(made, "juror-ada", new int[] { 9 }, new int[] { 5 });
		assertThat(instance).isWaitingAt(SCORE, "Task_WaitForExternalScores");

		// the deadline: ben and erin are reminded (erin with a new link)
		support.runTimers(instance, "Event_ScoringDeadline");
		assertThat(jurorMails(erin, NotificationKind.JURY_REMINDER)).hasSize(1);
		assertThat(notifications.findByStaffUserIdOrderByCreatedAt("juror-ben")
			.stream()
			.filter(mail -> mail.kind() == NotificationKind.JURY_REMINDER)).hasSize(1);
		assertThat(notifications.findByStaffUserIdOrderByCreatedAt("juror-ada")
			.stream()
			.filter(mail -> mail.kind() == NotificationKind.JURY_REMINDER)).as("ada has scored").isEmpty();

		// the grace is over: the chair waits longer first
		support.runTimers(instance, "Event_GraceOver");
		Task decide = support.task(made.reference(), DECIDE_LATE);
		assertThat(decide.getAssignee()).isEqualTo("juror-ada");
		assertThat(String.valueOf(engine.getTaskService().getVariableLocal(decide.getId(), JuryVariables.LATE_JURORS)))
			.contains("Juror juror-ben: 2 entries", "Erin External (external juror): 2 entries");
		support.submitAs("juror-ada", decide.getId(), Map.of(JuryVariables.LATE_JURORS_DECISION, "WAIT",
				JuryVariables.WAIT_UNTIL, LocalDate.now().plusDays(5).toString()));
		assertThat(instance).isWaitingAt(SCORE, "Task_WaitForExternalScores", "Event_ScoringDeadline");

		// still late: reminded again, then the chair closes scoring without them
		support.runTimers(instance, "Event_ScoringDeadline");
		support.runTimers(instance, "Event_GraceOver");
		decide = support.task(made.reference(), DECIDE_LATE);
		support.submitAs("juror-ada", decide.getId(), Map.of(JuryVariables.LATE_JURORS_DECISION, "CLOSE"));
		assertThat(instance).isWaitingAt(CONFIRM).hasPassed("EndEvent_ScoringClosed");
		assertThat(support.tasks(made.reference(), SCORE)).as("ben's task is gone").isEmpty();
		assertThat(made.entry(0).score()).as("ada's scores only").isEqualByComparingTo("90");
		assertThat(made.entry(1).score()).isEqualByComparingTo("50");
	}

	@Test
	void aWithdrawnEntryIsNeverAWinner() {
		JuryFixture.Made made = fixture.challenge("reuse furniture")
			.criterion("Impact", 100)
			.prize("Pilot", "2000")
			.staffJuror("juror-ada", true)
			.entry("Furniture bank", null)
			.entry("Upcycling school", null)
			.entry("Gone before judging", null);
		fixture.ideas.changeStatus(made.ideaReferences.get(2), PublicStatus.WITHDRAWN, null);
		ProcessInstance instance = made.start();
		Task ada = scoringTaskOf(made, "juror-ada");
		SpinJsonNode sheet = (SpinJsonNode) engine.getTaskService()
			.getVariableLocal(ada.getId(), JuryVariables.SCORE_SHEET);
		assertThat(sheet.elements()).as("withdrawn before judging: not on the sheet").hasSize(2);
		score(made, "juror-ada", new int[] { 9 }, new int[] { 6 });
		assertThat(made.entry(0).ranking()).isEqualTo(1);
		assertThat(made.entry(2).ranking()).isNull();

		// the first place withdraws while the chair confirms: the prize cannot go there
		fixture.ideas.changeStatus(made.ideaReferences.get(0), PublicStatus.WITHDRAWN, null);
		assertThatThrownBy(() -> confirm(made, Map.of(JuryVariables.prizeEntry(1), String.valueOf(made.entry(0).id()))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Prize for place 1: Pilot (EUR 2000.00): this entry was withdrawn and cannot win.");
		confirm(made, Map.of(JuryVariables.prizeEntry(1), String.valueOf(made.entry(1).id())));
		assertThat(instance).isEnded();
		assertThat(made.entry(0).winner()).isFalse();
		assertThat(made.entry(1).winner()).isTrue();
		assertThat(made.entry(1).prizeId()).isEqualTo(made.prizes.get(0).id());
	}

	List<Notification> jurorMails(long jurorId, NotificationKind kind) {
		return notifications.findAll()
			.stream()
			.filter(mail -> Long.valueOf(jurorId).equals(mail.jurorId()) && mail.kind() == kind)
			.toList();
	}

	static BigDecimal points(String value) {
		return new BigDecimal(value);
	}

}
