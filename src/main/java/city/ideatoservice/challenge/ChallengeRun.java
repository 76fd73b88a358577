package city.ideatoservice.challenge;

import static city.ideatoservice.challenge.ChallengeVariables.ANNOUNCEMENT_TEXT;
import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_ID;
import static city.ideatoservice.challenge.ChallengeVariables.CLOSES_AT;
import static city.ideatoservice.challenge.ChallengeVariables.ENTRY_COUNT;
import static city.ideatoservice.challenge.ChallengeVariables.FROM_CHALLENGE;
import static city.ideatoservice.challenge.ChallengeVariables.OPENS_AT;
import static city.ideatoservice.challenge.ChallengeVariables.WINNER_ENTRY_IDS;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.form.TypedDates;
import city.ideatoservice.funding.FundingVariables;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaVariables;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.screening.ScreeningVariables;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps of innovation-challenge after its definition ({@code ${challengeRun...}}):
 * publish, open and close the window, announce the results, follow up each winner.
 */
@Component("challengeRun")
public class ChallengeRun {

	/**
	 * Where a winner's idea enters idea-to-service: the jury's work replaces screening.
	 */
	public static final String WINNER_ENTERS_AT = "Task_AssignChampion";

	private final Challenges challenges;

	private final IdeaService ideas;

	private final IdeaRepository ideaRepository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RuntimeService runtimeService;

	private final DecisionService decisionService;

	ChallengeRun(Challenges challenges, IdeaService ideas, IdeaRepository ideaRepository,
			ApplicationEventPublisher events, Clock clock, RuntimeService runtimeService,
			DecisionService decisionService) {
		this.runtimeService = runtimeService;
		this.decisionService = decisionService;
		this.challenges = challenges;
		this.ideas = ideas;
		this.ideaRepository = ideaRepository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * On the portal from now on; the timers wait for the window's first day and for the
	 * end of its last day (a first day already here opens at once).
	 */
	public void publish(DelegateExecution execution) {
		Challenge challenge = challenges.changeStatus(id(execution), ChallengeStatus.PUBLISHED, null,
				execution.getProcessInstanceId());
		execution.setVariable(OPENS_AT, startOf(challenge.opensOn()));
		execution.setVariable(CLOSES_AT, startOf(challenge.closesOn().plusDays(1)));
	}

	public void open(DelegateExecution execution) {
		challenges.changeStatus(id(execution), ChallengeStatus.OPEN, null, null);
	}

	/** No entries ends the challenge with a public note; otherwise the jury judges. */
	public void close(DelegateExecution execution) {
		Challenge challenge = challenges.require(id(execution));
		long count = challenges.entries(challenge.id()).size();
		execution.setVariable(ENTRY_COUNT, count);
		if (count == 0) {
			challenges.changeStatus(challenge.id(), ChallengeStatus.NO_ENTRIES,
					"The challenge closed on " + TypedDates.DAY.format(challenge.closesOn())
							+ " without entries. Thank you for your interest; the City may run it again.",
					null);
		}
		else {
			challenges.changeStatus(challenge.id(), ChallengeStatus.JUDGING, null, null);
		}
	}

	/**
	 * The jury's winners on the portal with the announcement; every other entry closes
	 * with a public reason; every participant gets their result by mail. A winner who
	 * withdrew is named in the note and starts nothing.
	 */
	public void announce(DelegateExecution execution) {
		Challenge challenge = challenges.require(id(execution));
		String announcement = (String) execution.getVariable(ANNOUNCEMENT_TEXT);
		List<Long> winners = new ArrayList<>();
		List<String> withdrawn = new ArrayList<>();
		for (ChallengeEntry entry : challenges.entries(challenge.id())) {
			Idea idea = ideaRepository.findById(entry.ideaId()).orElseThrow();
			boolean gone = idea.status() == PublicStatus.WITHDRAWN || entry.withdrawnAt() != null;
			if (entry.winner()) {
				if (gone) {
					withdrawn.add(idea.reference());
				}
				else {
					winners.add(entry.id());
				}
			}
			else if (!idea.status().isClosing()) {
				ideas.changeStatus(idea.reference(), PublicStatus.NOT_ADOPTED,
						"The jury of the challenge \"" + challenge.title() + "\" chose other entries. " + announcement);
			}
			if (!gone) {
				// the participant's mail (notification), in this transaction
				events.publishEvent(new ChallengeResultDecided(challenge, entry, idea, announcement));
			}
		}
		String note = announcement;
		if (!withdrawn.isEmpty()) {
			note += " The winning " + (withdrawn.size() == 1 ? "entry " : "entries ") + String.join(", ", withdrawn)
					+ " withdrew and will not be followed up.";
		}
		challenges.changeStatus(challenge.id(), ChallengeStatus.ANNOUNCED, note, null);
		execution.setVariable(WINNER_ENTRY_IDS, winners);
	}

	/**
	 * The winner's idea starts idea-to-service at "Assign champion", linked to the
	 * challenge: the triage proposes its sponsor department as screening would, and money
	 * from a prize is its already funded initiative. Withdrawn since the announcement: no
	 * start.
	 */
	public void followUp(DelegateExecution execution, Object winnerEntryId) {
		startWinner(((Number) winnerEntryId).longValue());
	}

	/**
	 * Starts the winning entry's idea at co-design (see followUp); false if withdrawn.
	 */
	public boolean startWinner(Long winnerEntryId) {
		ChallengeEntry entry = challenges.entry(winnerEntryId).orElseThrow();
		Idea idea = ideaRepository.findById(entry.ideaId()).orElseThrow();
		if (idea.status() == PublicStatus.WITHDRAWN || entry.withdrawnAt() != null) {
			return false;
		}
		Challenge challenge = challenges.require(entry.challengeId());
		Map<String, Object> triage = decisionService.evaluateDecisionByKey("idea-triage")
			.variables(Variables.createVariables()
				.putValue(IdeaVariables.IDEA_THEME, idea.theme().name())
				.putValue(IdeaVariables.IDEA_REACH, idea.reach().name()))
			.evaluate()
			.getSingleResult()
			.getEntryMap();
		var variables = Variables.createVariables()
			.putValue(IdeaVariables.IDEA_REFERENCE, idea.reference())
			.putValue(IdeaVariables.IDEA_TITLE, idea.title())
			.putValue(IdeaVariables.IDEA_DESCRIPTION, idea.description())
			.putValue(IdeaVariables.IDEA_THEME, idea.theme().name())
			.putValue(IdeaVariables.IDEA_REACH, idea.reach().name())
			.putValue(IdeaVariables.IDEA_CHANNEL, idea.channel().name())
			.putValue(IdeaVariables.IMPROVEMENT_ROUND, false)
			.putValue(IdeaVariables.IDEA_ADOPTED, false)
			.putValue(ScreeningVariables.SCREENING_DECISION, "ACCEPT")
			.putValue("category", triage.get("category"))
			.putValue("priority", triage.get("priority"))
			.putValue(IdeaVariables.SPONSOR_DEPARTMENT, triage.get("sponsorDepartment"))
			.putValue(FROM_CHALLENGE, challenge.reference());
		Optional<ChallengePrize> prize = entry.prizeId() == null ? Optional.empty()
				: challenges.prizes(challenge.id()).stream().filter(p -> p.id().equals(entry.prizeId())).findFirst();
		BigDecimal amount = prize.map(ChallengePrize::amount).orElse(null);
		if (amount != null) {
			variables.putValue(FundingVariables.FUNDING_SOURCE, "EXISTING_INITIATIVE")
				.putValue(FundingVariables.FUNDED_INITIATIVE, prizeInitiative(challenge, amount))
				.putValue("prizeAmountCents", amount.movePointRight(2).longValueExact());
		}
		runtimeService.createProcessInstanceByKey(ProcessKeys.IDEA_TO_SERVICE)
			.businessKey(idea.reference())
			.startBeforeActivity(WINNER_ENTERS_AT)
			.setVariables(variables)
			.execute();
		return true;
	}

	/** The name of the funded initiative a money prize stands for. */
	public static String prizeInitiative(Challenge challenge, BigDecimal amount) {
		return "Prize of the challenge " + challenge.reference() + " \"" + challenge.title() + "\": EUR "
				+ amount.setScale(2).toPlainString();
	}

	private Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

	private static Long id(DelegateExecution execution) {
		return ((Number) execution.getVariable(CHALLENGE_ID)).longValue();
	}

}
