package city.ideatoservice.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.challenge.Challenge;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeEntryRepository;
import city.ideatoservice.challenge.ChallengeFormat;
import city.ideatoservice.challenge.ChallengePrize;
import city.ideatoservice.challenge.ChallengeRepository;
import city.ideatoservice.challenge.ChallengeRun;
import city.ideatoservice.challenge.ChallengeStatus;
import city.ideatoservice.challenge.Challenges;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.JsonVariables;
import city.ideatoservice.process.ProcessKeys;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's challenges: one open, run through innovation-challenge (defined by inno,
 * approved by cora) with two entries; one finished, its winner's idea in co-design with
 * the prize money as funded initiative (its jury's work recorded in the tables).
 */
@Component
@Profile("demo")
class DemoChallenges {

	private static final Logger log = LoggerFactory.getLogger(DemoChallenges.class);

	private final ChallengeRepository challengeRepository;

	private final Challenges challenges;

	private final ChallengeEntryRepository entries;

	private final ChallengeRun run;

	private final IdeaService ideas;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final Clock clock;

	DemoChallenges(ChallengeRepository challengeRepository, Challenges challenges, ChallengeEntryRepository entries,
			ChallengeRun run, IdeaService ideas, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService, Clock clock) {
		this.challengeRepository = challengeRepository;
		this.challenges = challenges;
		this.entries = entries;
		this.run = run;
		this.ideas = ideas;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.clock = clock;
	}

	@EventListener
	@Order(4)
	public void onEngineReady(ApplicationReadyEvent event) {
		if (challengeRepository.count() > 0) {
			return;
		}
		openChallenge();
		finishedChallenge();
		log.info("Demo challenges loaded: one open, one announced");
	}

	private void openChallenge() {
		LocalDate today = LocalDate.now(clock);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.INNOVATION_CHALLENGE);
		Map<String, Object> form = new HashMap<>();
		form.put("challengeTitle", "Cooler streets in summer");
		form.put("challengeSector", "ENVIRONMENT");
		form.put("problemStatement", "Streets and squares heat up in summer; older people and children suffer most.");
		form.put("challengeFormat", "CROWDSOURCING");
		form.put("opensOn", today.toString());
		form.put("closesOn", today.plusDays(60).toString());
		form.put("publicText", "Everybody living or working in the city may enter, alone or as a team. Describe"
				+ " where it is too hot and what would help. The jury judges impact and feasibility.");
		form.put("partners",
				JsonVariables.list(List.of(Map.of("organisation", "City University", "kind", "UNIVERSITY", "role",
						"Mentors the teams", "contactPerson", "Dana Mentor", "email", "dana.mentor@example.org",
						"publicListing", true))));
		form.put("prizes", JsonVariables.list(List.of(Map.of("place", 1, "description", "Pilot money", "amount", 5000),
				Map.of("place", 2, "description", "A workshop with the environment department"))));
		form.put("staffJurors", JsonVariables
			.list(List.of(Map.of("juror", "inno", "chair", true), Map.of("juror", "champ", "chair", false))));
		form.put("externalJurors",
				JsonVariables.list(List.of(Map.of("name", "Erik Engel", "email", "erik.engel@example.org"))));
		form.put("criteria", JsonVariables
			.list(List.of(Map.of("name", "Impact", "weight", 60), Map.of("name", "Feasibility", "weight", 40))));
		complete(instance, "Task_DefineChallenge", "inno", form);
		complete(instance, "Task_ApprovePublicText", "cora", Map.of("publicTextDecision", "APPROVE"));
		managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId("Event_WindowOpens")
			.list()
			.forEach(job -> managementService.executeJob(job.getId()));
		Challenge challenge = challenges
			.require(((Number) runtimeService.getVariable(instance.getId(), "challengeId")).longValue());
		enter(challenge, "Water mist on the market square", "Misters that switch on above 30 degrees.", "Cool market");
		enter(challenge, "Shade sails for playgrounds", "Sails over the sandpits of the three hottest playgrounds.",
				null);
	}

	private void enter(Challenge challenge, String title, String description, String team) {
		challenges.enter(challenge.reference(), new IdeaService.NewIdea(title, description, Theme.ENVIRONMENT,
				Reach.DISTRICT, Channel.CHALLENGE, null, null, null, "en", null, true, false), team, null);
	}

	private void finishedChallenge() {
		LocalDate today = LocalDate.now(clock);
		Challenge challenge = challenges.define(null, new Challenges.Definition("Safer routes to school",
				Theme.MOBILITY, "Children walk to school along busy roads.", ChallengeFormat.HACKATHON,
				today.minusDays(40), today.minusDays(38),
				"A hackathon weekend at the innovation hub: teams of up to five build an idea for safer routes.",
				"inno",
				List.of(new Challenges.Prize(1, "Pilot money", new BigDecimal("8000.00")),
						new Challenges.Prize(2, "Mentoring by the mobility department", null)),
				List.of(new Challenges.Juror("inno", "Ines Novak", null, true),
						new Challenges.Juror("champ", "Chiara Amato", null, false)),
				List.of(new Challenges.Criterion("Impact", 50), new Challenges.Criterion("Feasibility", 50)),
				List.of()));
		List<ChallengePrize> prizes = challenges.prizes(challenge.id());
		String[][] teams = {
				{ "Walking bus", "Parents walk groups of children along fixed stops.", "Walking bus crew" },
				{ "School street", "Streets in front of schools closed to cars at school times.", "Street team" },
				{ "Crossing lights", "Longer green for pedestrians near schools.", null } };
		for (int i = 0; i < teams.length; i++) {
			Idea idea = ideas
				.register(new IdeaService.NewIdea(teams[i][0], teams[i][1], Theme.MOBILITY, Reach.CITY,
						Channel.CHALLENGE, null, null, null, "en", null, true, false))
				.idea();
			boolean winner = i == 0;
			ChallengeEntry entry = entries
				.save(new ChallengeEntry(null, challenge.id(), idea.id(), teams[i][2], null, clock.instant(), null,
						new BigDecimal(90 - 10 * i), i + 1, i < 2 ? prizes.get(i).id() : null, winner));
			if (winner) {
				run.startWinner(entry.id());
				Task assign = taskService.createTaskQuery()
					.processInstanceBusinessKey(idea.reference())
					.taskDefinitionKey(ChallengeRun.WINNER_ENTERS_AT)
					.singleResult();
				taskService.claim(assign.getId(), "inno");
				taskService.complete(assign.getId(), Map.of("champion", "champ"));
			}
			else {
				ideas.changeStatus(idea.reference(), PublicStatus.NOT_ADOPTED,
						"The jury of the challenge \"Safer routes to school\" chose other entries.");
			}
		}
		challenges.changeStatus(challenge.id(), ChallengeStatus.ANNOUNCED,
				"The walking bus wins the hackathon: the City develops it with the parents' association.", null);
	}

	private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		taskService.claim(task.getId(), user);
		taskService.complete(task.getId(), variables);
	}

}
