package city.ideatoservice.council;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An idea's proposal on the council's agenda: the draft act, the committee's opinion, the
 * vote.
 */
@Table("agenda_item")
public record AgendaItem(@Id Long id, String ideaReference, String title, String committee, Long sessionId,
		String draftAct, String committeeOpinion, String amendments, String decision, Integer votesFor,
		Integer votesAgainst, Integer votesAbstain, int deferrals, Instant createdAt) {

	/** Not voted on yet: prepared, or deferred to its session. */
	public boolean toDecide() {
		return decision == null || "DEFERRED".equals(decision);
	}

	AgendaItem reviewed(String opinion, String amendmentText) {
		return new AgendaItem(id, ideaReference, title, committee, sessionId, draftAct, opinion, amendmentText,
				decision, votesFor, votesAgainst, votesAbstain, deferrals, createdAt);
	}

	AgendaItem withdrawn() {
		return new AgendaItem(id, ideaReference, title, committee, sessionId, draftAct, committeeOpinion, amendments,
				"WITHDRAWN", votesFor, votesAgainst, votesAbstain, deferrals, createdAt);
	}

	AgendaItem voted(String vote, int yes, int no, int abstain, Long nextSession, int deferralCount) {
		return new AgendaItem(id, ideaReference, title, committee, nextSession, draftAct, committeeOpinion, amendments,
				vote, yes, no, abstain, deferralCount, createdAt);
	}

}
