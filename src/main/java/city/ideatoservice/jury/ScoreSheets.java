package city.ideatoservice.jury;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import city.ideatoservice.challenge.ChallengeCriterion;
import city.ideatoservice.challenge.ChallengeCriterionRepository;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeEntryRepository;
import city.ideatoservice.challenge.ChallengeJuror;
import city.ideatoservice.challenge.ChallengeJurorRepository;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.idea.PublicStatus;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The jury's score sheets: one per juror and batch of entries. A sheet is scored once, by
 * the staff juror's task or through the external juror's one-time link (only the token's
 * hash is kept). The same checks for both: every entry of the sheet, a declared conflict
 * or a whole score from 0 to 10 for each criterion.
 */
@Service("scoreSheets")
public class ScoreSheets {

	public static final int MAX_SCORE = 10;

	public enum Status {

		/** waiting for the juror */
		OPEN,
		/** scored */
		SUBMITTED,
		/** closed by the chair without this juror's scores */
		CLOSED

	}

	public record Sheet(long id, long challengeId, long jurorId, int batch, List<Long> entryIds, Status status,
			Instant tokenExpiresAt) {

		public boolean usable(Instant now) {
			return status == Status.OPEN && (tokenExpiresAt == null || now.isBefore(tokenExpiresAt));
		}

	}

	/** One entry of a sheet as the juror sees it. */
	public record SheetEntry(long entryId, String title, String teamName, String ideaReference, String description) {
	}

	/** What a juror gave one entry: a conflict (no scores) or a score per criterion. */
	public record Review(long entryId, boolean conflict, Map<Long, Integer> scores, String comment) {
	}

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final ChallengeJurorRepository jurors;

	private final ChallengeEntryRepository entries;

	private final ChallengeCriterionRepository criteria;

	private final IdeaRepository ideas;

	private final JuryProperties properties;

	private final SecureRandom random = new SecureRandom();

	ScoreSheets(JdbcClient jdbc, ChallengeJurorRepository jurors, ChallengeEntryRepository entries,
			ChallengeCriterionRepository criteria, IdeaRepository ideas, JuryProperties properties) {
		this.jdbc = jdbc;
		this.jurors = jurors;
		this.entries = entries;
		this.criteria = criteria;
		this.ideas = ideas;
		this.properties = properties;
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * One sheet per juror and batch of the entries still in the running (not withdrawn),
	 * in the order they came in; once per challenge.
	 */
	@Transactional
	public List<Long> prepare(long challengeId) {
		List<Long> existing = ids(challengeId);
		if (!existing.isEmpty()) {
			return existing;
		}
		List<Long> running = entries.findByChallengeIdOrderById(challengeId)
			.stream()
			.filter(this::inTheRunning)
			.map(ChallengeEntry::id)
			.toList();
		for (ChallengeJuror juror : jurors.findByChallengeIdOrderById(challengeId)) {
			for (int from = 0, batch = 1; from < running.size(); from += properties.batchSize(), batch++) {
				List<Long> batchIds = running.subList(from, Math.min(running.size(), from + properties.batchSize()));
				jdbc.sql("""
						insert into challenge_score_sheet (challenge_id, juror_id, batch, entry_ids, status, created_at)
						values (:challenge, :juror, :batch, :entries, 'OPEN', :now)""")
					.param("challenge", challengeId)
					.param("juror", juror.id())
					.param("batch", batch)
					.param("entries", String.join(",", batchIds.stream().map(String::valueOf).toList()))
					.param("now", Timestamp.from(now()))
					.update();
			}
		}
		return ids(challengeId);
	}

	/** The sheets of a challenge (the collection of the jury's multi-instance). */
	public List<Long> ids(long challengeId) {
		return jdbc.sql("select id from challenge_score_sheet where challenge_id = :challenge order by id")
			.param("challenge", challengeId)
			.query(Long.class)
			.list();
	}

	public boolean inTheRunning(ChallengeEntry entry) {
		return entry.withdrawnAt() == null
				&& ideas.findById(entry.ideaId()).map(idea -> idea.status() != PublicStatus.WITHDRAWN).orElse(false);
	}

	public Sheet sheet(long id) {
		return jdbc.sql("select * from challenge_score_sheet where id = :id")
			.param("id", id)
			.query((rs, row) -> new Sheet(rs.getLong("id"), rs.getLong("challenge_id"), rs.getLong("juror_id"),
					rs.getInt("batch"), Arrays.stream(rs.getString("entry_ids").split(",")).map(Long::valueOf).toList(),
					Status.valueOf(rs.getString("status")),
					rs.getTimestamp("token_expires_at") == null ? null
							: rs.getTimestamp("token_expires_at").toInstant()))
			.single();
	}

	public List<Sheet> sheets(long challengeId) {
		return ids(challengeId).stream().map(this::sheet).toList();
	}

	public ChallengeJuror juror(long sheetId) {
		return jurors.findById(sheet(sheetId).jurorId()).orElseThrow();
	}

	/** Whether the sheet's juror is external (scores through a link). */
	public boolean isExternal(long sheetId) {
		return juror(sheetId).isExternal();
	}

	/** The staff juror who works the sheet's task. */
	public String assignee(long sheetId) {
		return juror(sheetId).userId();
	}

	public List<ChallengeCriterion> criteria(long challengeId) {
		return criteria.findByChallengeIdOrderByPosition(challengeId);
	}

	public List<SheetEntry> entries(Sheet sheet) {
		List<SheetEntry> shown = new ArrayList<>();
		for (Long entryId : sheet.entryIds()) {
			ChallengeEntry entry = entries.findById(entryId).orElseThrow();
			Idea idea = ideas.findById(entry.ideaId()).orElseThrow();
			shown.add(new SheetEntry(entryId, idea.title(), entry.teamName(), idea.reference(), idea.description()));
		}
		return shown;
	}

	/**
	 * A new one-time link for an external juror's open sheet (an earlier link stops
	 * working): the token for the e-mail; only its hash is kept.
	 */
	@Transactional
	public String issueToken(long sheetId, Instant expiresAt) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("update challenge_score_sheet set token_hash = :hash, token_expires_at = :expires where id = :id")
			.param("hash", hash(token))
			.param("expires", Timestamp.from(expiresAt))
			.param("id", sheetId)
			.update();
		return token;
	}

	/**
	 * The sheet a link's token opens, whatever its state; nothing for a guessed token.
	 */
	public Optional<Sheet> byToken(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("select id from challenge_score_sheet where token_hash = :hash")
			.param("hash", hash(token))
			.query(Long.class)
			.optional()
			.map(this::sheet);
	}

	/**
	 * The chair waits longer: the open links work until the new deadline's grace ends.
	 */
	@Transactional
	public void extendLinks(long challengeId, Instant until) {
		jdbc.sql("""
				update challenge_score_sheet set token_expires_at = :until
				where challenge_id = :challenge and status = 'OPEN' and token_hash is not null
				  and token_expires_at < :until""")
			.param("until", Timestamp.from(until))
			.param("challenge", challengeId)
			.update();
	}

	/** The open sheets (late jurors), in order. */
	public List<Sheet> open(long challengeId) {
		return sheets(challengeId).stream().filter(sheet -> sheet.status() == Status.OPEN).toList();
	}

	/** Scoring closed: the open sheets stay without scores, their links stop working. */
	@Transactional
	public void closeOpen(long challengeId) {
		jdbc.sql(
				"update challenge_score_sheet set status = 'CLOSED' where challenge_id = :challenge and status = 'OPEN'")
			.param("challenge", challengeId)
			.update();
	}

	/**
	 * Reads what a juror filled in for each entry of the sheet, in the sheet's order:
	 * {@code conflict}, {@code criterion1..n} and {@code comment} per entry. Every entry
	 * needs a declared conflict or a whole score from 0 to 10 for each criterion.
	 */
	public List<Review> read(Sheet sheet, List<Map<String, Object>> filledIn) {
		List<SheetEntry> shown = entries(sheet);
		if (filledIn.size() != shown.size()) {
			throw new JuryScoreException("score each of the " + shown.size() + " entries listed, in the order listed.");
		}
		List<ChallengeCriterion> criteria = criteria(sheet.challengeId());
		List<Review> reviews = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			Map<String, Object> values = filledIn.get(i);
			String entry = "Entry " + (i + 1) + " (" + shown.get(i).title() + ")";
			boolean conflict = Boolean.TRUE.equals(values.get(JuryVariables.CONFLICT))
					|| "true".equals(values.get(JuryVariables.CONFLICT));
			Map<Long, Integer> scores = new LinkedHashMap<>();
			if (!conflict) {
				for (ChallengeCriterion criterion : criteria) {
					scores.put(criterion.id(),
							score(entry, criterion, values.get(JuryVariables.criterion(criterion.position()))));
				}
			}
			Object comment = values.get(JuryVariables.COMMENT);
			String text = comment == null ? null : String.valueOf(comment).strip();
			if (text != null && text.length() > 1000) {
				throw new JuryScoreException(entry + ": Comment must have at most 1000 characters.");
			}
			reviews.add(
					new Review(shown.get(i).entryId(), conflict, scores, text == null || text.isEmpty() ? null : text));
		}
		return reviews;
	}

	private static int score(String entry, ChallengeCriterion criterion, Object value) {
		String label = entry + ": " + criterion.name();
		if (value == null || String.valueOf(value).isBlank()) {
			throw new JuryScoreException(label + " is required (or declare a conflict of interest).");
		}
		BigDecimal number;
		try {
			number = new BigDecimal(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			throw new JuryScoreException(label + " must be a number.");
		}
		if (number.stripTrailingZeros().scale() > 0 || number.signum() < 0
				|| number.compareTo(BigDecimal.valueOf(MAX_SCORE)) > 0) {
			throw new JuryScoreException(label + " must be a whole number from 0 to " + MAX_SCORE + ".");
		}
		return number.intValueExact();
	}

	/**
	 * Keeps the scores of an open sheet; a sheet is scored once (a second submission,
	 * e.g. a link used twice, is refused).
	 */
	@Transactional
	public void record(Sheet sheet, List<Review> reviews) {
		int updated = jdbc.sql("""
				update challenge_score_sheet set status = 'SUBMITTED', submitted_at = :now
				where id = :id and status = 'OPEN'""")
			.param("now", Timestamp.from(now()))
			.param("id", sheet.id())
			.update();
		if (updated != 1) {
			throw new JuryScoreException("these scores were already given, or scoring is closed.");
		}
		for (Review review : reviews) {
			jdbc.sql("""
					insert into challenge_review (sheet_id, entry_id, conflict, comment)
					values (:sheet, :entry, :conflict, :comment)""")
				.param("sheet", sheet.id())
				.param("entry", review.entryId())
				.param("conflict", review.conflict())
				.param("comment", review.comment())
				.update();
			long reviewId = jdbc.sql("select id from challenge_review where sheet_id = :sheet and entry_id = :entry")
				.param("sheet", sheet.id())
				.param("entry", review.entryId())
				.query(Long.class)
				.single();
			for (Map.Entry<Long, Integer> score : review.scores().entrySet()) {
				jdbc.sql(
						"insert into challenge_score (review_id, criterion_id, score) values (:review, :criterion, :score)")
					.param("review", reviewId)
					.param("criterion", score.getKey())
					.param("score", score.getValue())
					.update();
			}
		}
	}

	/** Scores given to an entry by the jurors who did not declare a conflict. */
	public record GivenScores(long sheetId, long entryId, Map<Long, Integer> scores) {
	}

	public List<GivenScores> scoresOf(long challengeId) {
		Map<Long, GivenScores> reviews = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id review_id, s.id sheet_id, r.entry_id, c.criterion_id, c.score
				from challenge_review r
				join challenge_score_sheet s on s.id = r.sheet_id
				join challenge_score c on c.review_id = r.id
				where s.challenge_id = :challenge and s.status = 'SUBMITTED' and r.conflict = false
				order by r.id, c.criterion_id""").param("challenge", challengeId).query(rs -> {
			reviews
				.computeIfAbsent(rs.getLong("review_id"),
						id -> new GivenScores(safe(rs, "sheet_id"), safe(rs, "entry_id"), new LinkedHashMap<>()))
				.scores()
				.put(rs.getLong("criterion_id"), rs.getInt("score"));
		});
		return List.copyOf(reviews.values());
	}

	private static long safe(java.sql.ResultSet rs, String column) {
		try {
			return rs.getLong(column);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
