package city.ideatoservice.funding;

import java.time.Clock;
import java.time.Year;

import city.ideatoservice.organisation.Departments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sponsor departments' yearly prototype budgets. A reservation is one conditional
 * update: of two approvals racing for the last money, the database lets exactly one
 * through.
 */
@Component
public class PrototypeBudgets {

	record Reservation(String department, int year, long amountCents) {
	}

	private final JdbcClient jdbc;

	private final Departments departments;

	private final Clock clock;

	PrototypeBudgets(JdbcClient jdbc, Departments departments, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.clock = clock;
	}

	public int currentYear() {
		return Year.now(clock).getValue();
	}

	/**
	 * The settings are the budgets of the current year: created, or updated when a city
	 * changes them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	@Transactional
	public void applySettings() {
		int year = currentYear();
		for (Departments.Department department : departments.all()) {
			long total = department.yearlyBudget().movePointRight(2).longValueExact();
			int updated = jdbc
				.sql("update prototype_budget set total_cents = greatest(:total, committed_cents)"
						+ " where department = :department and budget_year = :year")
				.param("total", total)
				.param("department", department.group())
				.param("year", year)
				.update();
			if (updated == 0) {
				jdbc.sql("insert into prototype_budget (department, budget_year, total_cents, committed_cents)"
						+ " values (:department, :year, :total, 0)")
					.param("total", total)
					.param("department", department.group())
					.param("year", year)
					.update();
			}
		}
	}

	public long remainingCents(String department, int year) {
		return jdbc
			.sql("select total_cents - committed_cents from prototype_budget"
					+ " where department = :department and budget_year = :year")
			.param("department", department)
			.param("year", year)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Reserves the amount for a round if that much is left; false if not (nothing changes
	 * then).
	 */
	public boolean reserve(String ideaReference, int round, String department, int year, long amountCents) {
		int updated = jdbc.sql("update prototype_budget set committed_cents = committed_cents + :amount"
				+ " where department = :department and budget_year = :year and total_cents - committed_cents >= :amount")
			.param("amount", amountCents)
			.param("department", department)
			.param("year", year)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql(
				"insert into funding_reservation (idea_reference, funding_round, department, budget_year, amount_cents)"
						+ " values (:reference, :round, :department, :year, :amount)")
			.param("reference", ideaReference)
			.param("round", round)
			.param("department", department)
			.param("year", year)
			.param("amount", amountCents)
			.update();
		return true;
	}

	/**
	 * Keeps only {@code keepCents} of what a round reserved and gives the rest back to
	 * the budget.
	 */
	public void reduceReservation(String ideaReference, int round, long keepCents) {
		jdbc.sql("select department, budget_year, amount_cents from funding_reservation"
				+ " where idea_reference = :reference and funding_round = :round")
			.param("reference", ideaReference)
			.param("round", round)
			.query((rs, n) -> new Reservation(rs.getString("department"), rs.getInt("budget_year"),
					rs.getLong("amount_cents")))
			.optional()
			.ifPresent(reservation -> {
				long release = reservation.amountCents() - Math.min(keepCents, reservation.amountCents());
				if (release <= 0) {
					return;
				}
				jdbc.sql("update prototype_budget set committed_cents = committed_cents - :release"
						+ " where department = :department and budget_year = :year")
					.param("release", release)
					.param("department", reservation.department())
					.param("year", reservation.year())
					.update();
				jdbc.sql("update funding_reservation set amount_cents = :keep"
						+ " where idea_reference = :reference and funding_round = :round")
					.param("keep", reservation.amountCents() - release)
					.param("reference", ideaReference)
					.param("round", round)
					.update();
			});
	}

	public long reservedCents(String ideaReference, int round) {
		return jdbc
			.sql("select amount_cents from funding_reservation where idea_reference = :reference"
					+ " and funding_round = :round")
			.param("reference", ideaReference)
			.param("round", round)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
