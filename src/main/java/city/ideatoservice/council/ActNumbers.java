package city.ideatoservice.council;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers official acts per year: 2026/0001, 2026/0002, ... The counter row is updated in
 * the registering transaction, so two registrations at once wait for each other and never
 * get the same number; the unique key on (year, sequence) would refuse a duplicate
 * anyway.
 */
@Component
class ActNumbers {

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

	ActNumbers(JdbcClient jdbc, java.time.Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.ownTransaction
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	int next(int year) {
		ensureCounter(year);
		// never below an act already in the register (one entered without the counter,
		// e.g. taken over from an earlier register)
		jdbc.sql("update act_counter set last_number = greatest(last_number,"
				+ " (select coalesce(max(act_sequence), 0) from official_act where act_year = :year)) + 1"
				+ " where act_year = :year")
			.param("year", year)
			.update();
		return jdbc.sql("select last_number from act_counter where act_year = :year")
			.param("year", year)
			.query(Integer.class)
			.single();
	}

	/**
	 * This year's and next year's counters exist before anyone registers, so two first
	 * acts never race to create one.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void createCounters() {
		int year = java.time.Year.now(clock).getValue();
		ensureCounter(year);
		ensureCounter(year + 1);
	}

	/**
	 * Creates a year's counter in a transaction of its own: if another registration
	 * created it at the same moment, the duplicate is ignored and the registering
	 * transaction goes on unharmed.
	 */
	private void ensureCounter(int year) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
				.sql("insert into act_counter (act_year, last_number) select :year, 0"
						+ " where not exists (select 1 from act_counter where act_year = :year)")
				.param("year", year)
				.update());
		}
		catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) {
			// the other registration's counter serves this one too
		}
	}

	static String format(int year, int sequence) {
		return "%d/%04d".formatted(year, sequence);
	}

}
