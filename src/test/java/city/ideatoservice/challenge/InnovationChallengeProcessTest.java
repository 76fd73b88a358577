package city.ideatoservice.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.notification.Notification;
import city.ideatoservice.notification.NotificationKind;
import city.ideatoservice.notification.NotificationRepository;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.MockedProcesses;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.mockito.process.CallActivityMockForSpringContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * innovation-challenge from its definition to the winners' ideas in idea-to-service; the
 * jury (challenge-judging) is mocked: it marks the first entry as the winner of the first
 * prize, as the chair's confirmation would.
 */
@IdeaToServiceTest
@MockedProcesses(ProcessKeys.CHALLENGE_JUDGING)
class InnovationChallengeProcessTest {

	static final String DEFINE = "Task_DefineChallenge";

	static final String APPROVE = "Task_ApprovePublicText";

	static final String ANNOUNCE = "Task_AnnounceWinners";

	static final String COMMS = "cora-challenge";

	static final String OFFICE = "inno-challenge";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	Challenges challenges;

	@Autowired
	ChallengeEntryRepository entryRepository;

	@Autowired
	IdeaService ideas;

	@Autowired
	NotificationRepository notifications;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		support.ensureUser(OFFICE, "innovation-office");
		support.ensureUser(COMMS, "communications");
		support.ensureUser(ProcessTestSupport.CHAMPION, "innovation-office");
		new CallActivityMockForSpringContext(ProcessKeys.CHALLENGE_JUDGING, context).onExecutionDo(execution -> {
			Long challengeId = ((Number) execution.getVariable("challengeId")).longValue();
			List<ChallengeEntry> entries = challenges.entries(challengeId);
			ChallengePrize first = challenges.prizes(challengeId).get(0);
			for (int i = 0; i < entries.size(); i++) {
				ChallengeEntry e = entries.get(i);
				entryRepository.save(new ChallengeEntry(e.id(), e.challengeId(), e.ideaId(), e.teamName(),
						e.teamMembers(), e.submittedAt(), e.withdrawnAt(), new BigDecimal(90 - i), i + 1,
						i == 0 ? first.id() : null, i == 0));
			}
		}).deploy(engine);
	}

	ProcessInstance start() {
		return support.asUser(OFFICE,
				() -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.INNOVATION_CHALLENGE));
	}

	Task task(ProcessInstance instance, String key) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(key)
			.singleResult();
	}

	Map<String, Object> definition(LocalDate opens, LocalDate closes) {
		Map<String, Object> form = new HashMap<>();
		form.put("challengeTitle", "Safer school routes");
		form.put("challengeSector", "MOBILITY");
		form.put("problemStatement", "Children walk to school along busy roads.");
		form.put("challengeFormat", "CROWDSOURCING");
		form.put("opensOn", opens.toString());
		form.put("closesOn", closes.toString());
		form.put("publicText", "Send your idea for safer routes to school.");
		form.put("partners",
				JsonVariables.list(List
					.of(Map.of("organisation", "City University", "kind", "UNIVERSITY", "role", "Mentors the teams",
							"contactPerson", "Dana Mentor", "email", "dana@example.org", "publicListing", true))));
		form.put("prizes", JsonVariables.list(List.of(Map.of("place", 1, "description", "Pilot money", "amount", 5000),
				Map.of("place", 2, "description", "A workshop with the mobility department"))));
		form.put("staffJurors", JsonVariables.list(List.of(Map.of("juror", ProcessTestSupport.CHAMPION, "chair", true),
				Map.of("juror", OFFICE, "chair", false))));
		form.put("externalJurors",
				JsonVariables.list(List.of(Map.of("name", "Erik External", "email", "erik@example.org"))));
		form.put("criteria", JsonVariables
			.list(List.of(Map.of("name", "Impact", "weight", 60), Map.of("name", "Feasibility", "weight", 40))));
		form.put("offeredDatasets", JsonVariables.list(List.of()));
		return form;
	}

	ProcessInstance published(LocalDate opens, LocalDate closes) {
		ProcessInstance instance = start();
		support.submitAs(OFFICE, task(instance, DEFINE).getId(), definition(opens, closes));
		support.submitAs(COMMS, task(instance, APPROVE).getId(), Map.of("publicTextDecision", "APPROVE"));
		return instance;
	}

	Challenge challengeOf(ProcessInstance instance) {
		return challenges.require(((Number) engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("challengeId")
			.singleResult()
			.getValue()).longValue());
	}

	String enter(Challenge challenge, String title) {
		return challenges
			.enter(challenge.reference(),
					new IdeaService.NewIdea(title, "A description of " + title, Theme.MOBILITY, Reach.DISTRICT,
							Channel.PORTAL, "Pat Participant", "pat@example.org", null, "en", null, false, true),
					"Team " + title, null)
			.registration()
			.idea()
			.reference();
	}

	void openWindow(ProcessInstance instance) {
		support.runTimers(instance, "Event_WindowOpens");
	}

	void closeWindow(ProcessInstance instance) {
		support.runTimers(instance, "Event_WindowCloses");
	}

	List<NotificationKind> mails(String reference) {
		return notifications.findByIdeaIdOrderByCreatedAt(ideas.require(reference).id())
			.stream()
			.map(Notification::kind)
			.toList();
	}

	@Test
	void theDefinitionIsKeptAndCommunicationsMayReturnTheText() {
		ProcessInstance instance = start();
		support.submitAs(OFFICE, task(instance, DEFINE).getId(),
				definition(LocalDate.now(), LocalDate.now().plusDays(30)));
		Challenge challenge = challengeOf(instance);
		assertThat(challenge.status()).isEqualTo(ChallengeStatus.DRAFT);
		assertThat(challenge.reference()).matches("CH-\\d{4}-\\d{4}");
		assertThat(challenges.jurors(challenge.id())).extracting(ChallengeJuror::chair)
			.containsExactly(true, false, false);
		assertThat(challenges.criteria(challenge.id())).extracting(ChallengeCriterion::weight).containsExactly(60, 40);
		assertThat(engine.getRuntimeService().getVariables(instance.getId()))
			.as("contacts of partners and external jurors stay in the tables")
			.doesNotContainKeys("partners", "externalJurors");

		support.submitAs(COMMS, task(instance, APPROVE).getId(),
				Map.of("publicTextDecision", "RETURN", "publicTextComment", "Say who may take part."));

		assertThat(instance).isWaitingAt(DEFINE);
		Task again = task(instance, DEFINE);
		assertThat(engine.getTaskService().getVariable(again.getId(), "publicTextComment"))
			.isEqualTo("Say who may take part.");
		assertThat(engine.getTaskService().getVariable(again.getId(), "externalJurors").toString())
			.contains("erik@example.org");
		Map<String, Object> changed = definition(LocalDate.now(), LocalDate.now().plusDays(30));
		changed.put("publicText", "Everybody living or working in the city may take part.");
		support.submitAs(OFFICE, again.getId(), changed);
		assertThat(challengeOf(instance).id()).as("the same challenge").isEqualTo(challenge.id());
		assertThat(challenges.jurors(challenge.id())).hasSize(3);
		support.submitAs(COMMS, task(instance, APPROVE).getId(), Map.of("publicTextDecision", "APPROVE"));

		assertThat(challengeOf(instance).status()).isEqualTo(ChallengeStatus.PUBLISHED);
		assertThat(instance).isWaitingAt("Event_WindowOpens");
	}

	@Test
	void weightsNotAddingUpToAHundredAndTwoChairsAreRefused() {
		ProcessInstance instance = start();
		Map<String, Object> form = definition(LocalDate.now(), LocalDate.now().plusDays(30));
		form.put("criteria", JsonVariables
			.list(List.of(Map.of("name", "Impact", "weight", 60), Map.of("name", "Feasibility", "weight", 30))));
		assertThatThrownBy(() -> support.submitAs(OFFICE, task(instance, DEFINE).getId(), form))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Criteria: the weights add up to 90; they must add up to 100.");
		Map<String, Object> twoChairs = definition(LocalDate.now(), LocalDate.now().plusDays(30));
		twoChairs.put("staffJurors", JsonVariables.list(List
			.of(Map.of("juror", ProcessTestSupport.CHAMPION, "chair", true), Map.of("juror", OFFICE, "chair", true))));
		assertThatThrownBy(() -> support.submitAs(OFFICE, task(instance, DEFINE).getId(), twoChairs))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageStartingWith("Staff jurors: mark exactly one staff juror as the chair");
		Map<String, Object> backwards = definition(LocalDate.now().plusDays(10), LocalDate.now().plusDays(5));
		assertThatThrownBy(() -> support.submitAs(OFFICE, task(instance, DEFINE).getId(), backwards))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageStartingWith("Submission window closes on: the window cannot close");
		assertThat(instance).isWaitingAt(DEFINE);
	}

	@Test
	void onlyTheInnovationOfficeDefinesAndOnlyCommunicationsApproves() {
		ProcessInstance instance = start();
		assertThatThrownBy(() -> support.submitAs(COMMS, task(instance, DEFINE).getId(),
				definition(LocalDate.now(), LocalDate.now().plusDays(30))))
			.isInstanceOf(AuthorizationException.class);
		Map<String, Object> extra = definition(LocalDate.now(), LocalDate.now().plusDays(30));
		extra.put("challengeId", 1);
		assertThatThrownBy(() -> support.submitAs(OFFICE, task(instance, DEFINE).getId(), extra))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("is not a field of the form");
		assertThatThrownBy(() -> support.asUser(COMMS,
				() -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.INNOVATION_CHALLENGE)))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void withoutEntriesTheChallengeEndsWithAPublicNote() {
		ProcessInstance instance = published(LocalDate.now(), LocalDate.now().plusDays(14));
		openWindow(instance);
		assertThat(challengeOf(instance).status()).isEqualTo(ChallengeStatus.OPEN);

		closeWindow(instance);

		assertThat(instance).isEnded().hasPassed("EndEvent_NoEntries").hasNotPassed("CallActivity_JudgeEntries");
		Challenge challenge = challengeOf(instance);
		assertThat(challenge.status()).isEqualTo(ChallengeStatus.NO_ENTRIES);
		assertThat(challenge.publicNote()).contains("without entries");
	}

	@Test
	void entriesAreTakenOnlyWhileTheWindowIsOpen() {
		ProcessInstance later = published(LocalDate.now().plusDays(3), LocalDate.now().plusDays(14));
		long entriesBefore = entryRepository.count();
		long mailsBefore = notifications.count();
		assertThatThrownBy(() -> enter(challengeOf(later), "Too early"))
			.isInstanceOf(Challenges.WindowClosedException.class)
			.hasMessageContaining("has not opened yet");
		assertThat(entryRepository.count()).isEqualTo(entriesBefore);
		assertThat(notifications.count()).as("no idea, no acknowledgement").isEqualTo(mailsBefore);

		ProcessInstance instance = published(LocalDate.now(), LocalDate.now().plusDays(14));
		Challenge challenge = challengeOf(instance);
		openWindow(instance);
		String reference = enter(challengeOf(instance), "Just in time");
		assertThat(challenges.entryOfIdea(ideas.require(reference).id())).get()
			.extracting(ChallengeEntry::challengeId, ChallengeEntry::teamName)
			.containsExactly(challenge.id(), "Team Just in time");
		assertThat(support.instance(reference)).as("the jury judges entries, not screening").isNull();
		assertThat(mails(reference)).containsExactly(NotificationKind.IDEA_RECEIVED);

		closeWindow(instance);
		assertThatThrownBy(() -> enter(challengeOf(instance), "Too late"))
			.isInstanceOf(Challenges.WindowClosedException.class)
			.hasMessageContaining("its window is closed");
		assertThat(challengeOf(instance).status()).isEqualTo(ChallengeStatus.JUDGING);
	}

	@Test
	void winnersStartIdeaToServiceAtCodesignWithThePrizeAsFundingAndEveryParticipantHearsTheResult() {
		ProcessInstance instance = published(LocalDate.now(), LocalDate.now().plusDays(14));
		openWindow(instance);
		String winner = enter(challengeOf(instance), "Walking bus");
		String other = enter(challengeOf(instance), "School street");
		closeWindow(instance);

		assertThat(instance).isWaitingAt(ANNOUNCE);
		assertThat(engine.getTaskService().getVariable(task(instance, ANNOUNCE).getId(), "winnersSummary").toString())
			.contains("1. Walking bus (" + winner)
			.contains("Pilot money");
		support.submitAs(COMMS, task(instance, ANNOUNCE).getId(),
				Map.of("announcementText", "The walking bus wins the challenge."));
		support.runJobs(instance);

		assertThat(instance).isEnded().hasPassed("EndEvent_WinnersFollowedUp");
		Challenge challenge = challengeOf(instance);
		assertThat(challenge.status()).isEqualTo(ChallengeStatus.ANNOUNCED);
		assertThat(challenge.publicNote()).isEqualTo("The walking bus wins the challenge.");
		ProcessInstance followUp = support.instance(winner);
		assertThat(followUp).isWaitingAt(ChallengeRun.WINNER_ENTERS_AT)
			.hasNotPassed("CallActivity_ScreenIdea")
			.variables()
			.containsEntry("fromChallenge", challenge.reference())
			.containsEntry("fundingSource", "EXISTING_INITIATIVE")
			.containsEntry("prizeAmountCents", 500000L)
			.containsEntry("sponsorDepartment", "dept-mobility");
		assertThat((String) engine.getRuntimeService().getVariable(followUp.getId(), "fundedInitiative"))
			.contains(challenge.reference())
			.contains("5000.00");
		support.complete(winner, ChallengeRun.WINNER_ENTERS_AT, Map.of("champion", ProcessTestSupport.CHAMPION));
		assertThat(support.status(winner)).isEqualTo(PublicStatus.CO_DESIGN);

		assertThat(support.instance(other)).isNull();
		assertThat(support.status(other)).isEqualTo(PublicStatus.NOT_ADOPTED);
		assertThat(support.lastReason(other)).contains("chose other entries");
		assertThat(mails(winner)).contains(NotificationKind.CHALLENGE_RESULT);
		assertThat(mails(other)).contains(NotificationKind.CHALLENGE_RESULT);
	}

	@Test
	void aWinnerWhoWithdrewStartsNothingAndTheNoteSaysSo() {
		ProcessInstance instance = published(LocalDate.now(), LocalDate.now().plusDays(14));
		openWindow(instance);
		String winner = enter(challengeOf(instance), "Bike trains");
		closeWindow(instance);
		ideas.changeStatus(winner, PublicStatus.WITHDRAWN, null);

		support.submitAs(COMMS, task(instance, ANNOUNCE).getId(), Map.of("announcementText", "Bike trains won."));
		support.runJobs(instance);

		assertThat(instance).isEnded();
		assertThat(support.instance(winner)).isNull();
		assertThat(challengeOf(instance).publicNote()).contains(winner).contains("withdrew");
		assertThat(mails(winner)).doesNotContain(NotificationKind.CHALLENGE_RESULT);
	}

}
