package city.ideatoservice.challenge;

import java.util.List;

import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.transparency.ChallengeFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The challenges' part of the city's figures: how many are open, and for each public one
 * its entries, its winners and how many winners' ideas are still on their way.
 */
@Component
class ChallengeOutcomes implements ChallengeFigures {

	/** What the public never sees: a challenge in preparation or stopped before it. */
	private static final List<String> NOT_PUBLIC = List.of(ChallengeStatus.DRAFT.name(),
			ChallengeStatus.CANCELLED.name());

	private static final List<String> CLOSED_IDEAS = java.util.Arrays.stream(PublicStatus.values())
		.filter(PublicStatus::isClosing)
		.map(PublicStatus::name)
		.toList();

	private final JdbcClient jdbc;

	ChallengeOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Summary summary() {
		List<Challenge> challenges = jdbc
			.sql("""
					select c.reference, c.title, c.status,
					  (select count(*) from challenge_entry e where e.challenge_id = c.id and e.withdrawn_at is null) entries,
					  (select count(*) from challenge_entry e where e.challenge_id = c.id and e.winner) winners,
					  (select count(*) from challenge_entry e join idea i on i.id = e.idea_id
					    where e.challenge_id = c.id and e.winner and i.status not in (:closed)) continuing
					from challenge c where c.status not in (:hidden) order by c.closes_on desc, c.id desc""")
			.param("closed", CLOSED_IDEAS)
			.param("hidden", NOT_PUBLIC)
			.query((rs, row) -> new Challenge(rs.getString("reference"), rs.getString("title"), rs.getString("status"),
					rs.getLong("entries"), rs.getLong("winners"), rs.getLong("continuing")))
			.list();
		long open = challenges.stream().filter(c -> ChallengeStatus.OPEN.name().equals(c.status())).count();
		return new Summary(open, challenges);
	}

}
