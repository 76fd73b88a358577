package city.ideatoservice.idea;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Idempotency-Keys of submissions (table submission_claim). A key is claimed by
 * inserting its row in a transaction of its own, before the idea is registered: the
 * primary key lets one request through, whatever the database (PostgreSQL makes the
 * others wait and then refuses them as duplicates, H2 refuses them at once).
 */
@Component
class SubmissionClaims {

	/**
	 * A claim whose submission never finished (the node died in between) may be taken
	 * over after this: far longer than a submission takes, and short enough for a citizen
	 * whose request was cut off to retry the same key on another node soon.
	 */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

	/**
	 * The claim of an earlier request with the same key; no idea yet while that request
	 * is still running.
	 */
	record Claim(String requestHash, Long ideaId, String sealedTrackingCode, Instant claimedAt) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SubmissionClaims(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Claims the key for this request. Empty when this request has it; otherwise the
	 * claim of the request that has it, which has no request hash while that request's
	 * own transaction has not committed yet.
	 */
	Optional<Claim> claim(String idempotencyKey, String requestHash) {
		String keyHash = TrackingCodes.hashIdempotencyKey(idempotencyKey);
		for (int attempt = 0; attempt < 2; attempt++) {
			try {
				ownTransaction.executeWithoutResult(status -> jdbc.update(
						"insert into submission_claim (key_hash, request_hash, claimed_at) values (?, ?, ?)", keyHash,
						requestHash, Timestamp.from(clock.instant())));
				return Optional.empty();
			}
			catch (DataIntegrityViolationException | TransientDataAccessException taken) {
				Optional<Claim> earlier = find(keyHash);
				if (earlier.isEmpty()) {
					// claimed in a transaction that has not committed yet
					return Optional.of(new Claim(null, null, null, clock.instant()));
				}
				if (!abandoned(earlier.get()) || !release(keyHash, earlier.get().claimedAt())) {
					return earlier;
				}
			}
		}
		return find(keyHash);
	}

	/** Records the idea of a claim, in the transaction that registers the idea. */
	void complete(String idempotencyKey, long ideaId, String trackingCode) {
		jdbc.update("update submission_claim set idea_id = ?, sealed_tracking_code = ? where key_hash = ?", ideaId,
				trackingCode == null ? null : TrackingCodes.seal(trackingCode, idempotencyKey),
				TrackingCodes.hashIdempotencyKey(idempotencyKey));
	}

	/**
	 * Gives up the claim of a submission that failed, so that the client may try again
	 * with the same key.
	 */
	void release(String idempotencyKey) {
		ownTransaction.executeWithoutResult(
				status -> jdbc.update("delete from submission_claim where key_hash = ? and idea_id is null",
						TrackingCodes.hashIdempotencyKey(idempotencyKey)));
	}

	static String requestHash(String... fields) {
		StringBuilder canonical = new StringBuilder();
		for (String field : fields) {
			// a length prefix: no two different requests give the same text
			canonical.append(field == null ? -1 : field.length()).append(':').append(field).append('\n');
		}
		return HexFormat.of().formatHex(TrackingCodes.sha256(canonical.toString()));
	}

	private boolean abandoned(Claim claim) {
		return claim.ideaId() == null && claim.claimedAt().isBefore(clock.instant().minus(ABANDONED_AFTER));
	}

	private boolean release(String keyHash, Instant claimedAt) {
		return ownTransaction.execute(status -> jdbc.update(
				"delete from submission_claim where key_hash = ? and idea_id is null and claimed_at = ?", keyHash,
				Timestamp.from(claimedAt))) == 1;
	}

	private Optional<Claim> find(String keyHash) {
		List<Claim> claims = ownTransaction.execute(status -> jdbc.query(
				"select request_hash, idea_id, sealed_tracking_code, claimed_at from submission_claim where key_hash = ?",
				(row, i) -> new Claim(row.getString(1), row.getObject(2, Long.class), row.getString(3),
						row.getTimestamp(4).toInstant()),
				keyHash));
		return claims.stream().findFirst();
	}

}
