package city.ideatoservice.idea;

import java.time.Clock;
import java.time.Year;
import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Hands out idea references like IDEA-2026-000123 from a database sequence, unique across
 * a cluster.
 */
@Component
class ReferenceNumbers {

	private static final String SEQUENCE = "idea_reference_seq";

	private final DataFieldMaxValueIncrementer sequence;

	private final Clock clock;

	ReferenceNumbers(DataSource dataSource, Clock clock) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
		this.sequence = DatabaseDriver.POSTGRESQL.getId().equalsIgnoreCase(product)
				|| "PostgreSQL".equalsIgnoreCase(product)
						? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
						: new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
		this.clock = clock;
	}

	String next() {
		return "IDEA-%d-%06d".formatted(Year.now(clock).getValue(), sequence.nextLongValue());
	}

}
