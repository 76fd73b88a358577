package city.ideatoservice.oparl;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import city.ideatoservice.council.AgendaItem;
import city.ideatoservice.council.CouncilSession;
import city.ideatoservice.council.OfficialAct;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a council record (session, agenda item, act) was created and last changed: stamped
 * on every save of the council's repositories, in the same transaction, so that OParl
 * clients can fetch what changed since their last visit. Kept beside the records (V14)
 * rather than in them, so the council's code does not carry OParl's bookkeeping.
 */
@Component
class RecordTimes {

	/** Created and last modified. */
	record Times(Instant created, Instant modified) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	RecordTimes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void saved(AfterSaveEvent<?> event) {
		Object entity = event.getEntity();
		if (entity instanceof CouncilSession session) {
			stamp("council_session", "id", session.id());
		}
		else if (entity instanceof AgendaItem item) {
			stamp("agenda_item", "id", item.id());
		}
		else if (entity instanceof OfficialAct act) {
			stamp("official_act", "act_number", act.actNumber());
		}
	}

	private void stamp(String table, String key, Object id) {
		Timestamp now = Timestamp.from(clock.instant());
		// agenda_item.created_at is the item's own (not null): coalesce keeps it
		jdbc.sql("update " + table + " set modified_at = :now, created_at = coalesce(created_at, :now) where " + key
				+ " = :id")
			.param("now", now)
			.param("id", id)
			.update();
	}

	Map<Long, Times> sessions() {
		return times("council_session", "id", Long.class);
	}

	Map<Long, Times> agendaItems() {
		return times("agenda_item", "id", Long.class);
	}

	Map<String, Times> acts() {
		return times("official_act", "act_number", String.class);
	}

	private <K> Map<K, Times> times(String table, String key, Class<K> keyType) {
		Map<K, Times> times = new HashMap<>();
		jdbc.sql("select " + key + ", created_at, modified_at from " + table).query((row, n) -> {
			Timestamp created = row.getTimestamp("created_at");
			Timestamp modified = row.getTimestamp("modified_at");
			Instant createdAt = created == null ? null : created.toInstant();
			times.put(row.getObject(key, keyType),
					new Times(createdAt, modified == null ? createdAt : modified.toInstant()));
			return null;
		}).list();
		return times;
	}

}
