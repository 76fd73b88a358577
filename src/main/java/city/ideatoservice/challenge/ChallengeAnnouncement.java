package city.ideatoservice.challenge;

import static city.ideatoservice.challenge.ChallengeVariables.CHALLENGE_ID;
import static city.ideatoservice.challenge.ChallengeVariables.WINNERS_SUMMARY;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import city.ideatoservice.idea.IdeaRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Announce winners": the winners the chair confirmed, place by place, to write about.
 */
@Component
public class ChallengeAnnouncement implements TaskListener {

	private final Challenges challenges;

	private final IdeaRepository ideas;

	ChallengeAnnouncement(Challenges challenges, IdeaRepository ideas) {
		this.challenges = challenges;
		this.ideas = ideas;
	}

	@Override
	public void notify(DelegateTask task) {
		Long challengeId = ((Number) task.getVariable(CHALLENGE_ID)).longValue();
		Map<Long, ChallengePrize> prizes = challenges.prizes(challengeId)
			.stream()
			.collect(Collectors.toMap(ChallengePrize::id, Function.identity()));
		StringBuilder summary = new StringBuilder();
		challenges.entries(challengeId)
			.stream()
			.filter(ChallengeEntry::winner)
			.sorted(java.util.Comparator.comparing(e -> e.ranking() == null ? Integer.MAX_VALUE : e.ranking()))
			.forEach(entry -> {
				var idea = ideas.findById(entry.ideaId()).orElseThrow();
				summary.append(entry.ranking() == null ? "-" : entry.ranking())
					.append(". ")
					.append(idea.title())
					.append(" (")
					.append(idea.reference())
					.append(entry.teamName() == null ? "" : ", team " + entry.teamName())
					.append(")");
				ChallengePrize prize = entry.prizeId() == null ? null : prizes.get(entry.prizeId());
				if (prize != null) {
					summary.append(": ").append(prize.description());
				}
				summary.append('\n');
			});
		task.setVariableLocal(WINNERS_SUMMARY, summary.isEmpty() ? "No winners were chosen." : summary.toString());
	}

}
