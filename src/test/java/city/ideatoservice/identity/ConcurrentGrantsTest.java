package city.ideatoservice.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/**
 * Two nodes granting one group read access to one idea at the same time: the second
 * insert fails on ACT_UNIQ_AUTH_GROUP, which must reach the client as a conflict (409)
 * and the job executor as optimistic locking, not as a server failure. Other failures
 * pass unchanged.
 */
class ConcurrentGrantsTest {

	@Test
	void aClashOnTheGrantKeyIsAConcurrentChange() {
		SQLException postgres = new SQLException(
				"ERROR: duplicate key value violates unique constraint \"act_uniq_auth_group\"", "23505", 0);
		assertThatThrownBy(() -> failingWith(persistence(postgres))).isInstanceOf(OptimisticLockingException.class)
			.hasMessageContaining("at the same time");

		SQLException h2 = new SQLException(
				"Unique index or primary key violation: \"PUBLIC.ACT_UNIQ_AUTH_USER_INDEX_A\"", "23505", 23505);
		assertThatThrownBy(() -> failingWith(persistence(h2))).isInstanceOf(OptimisticLockingException.class);
	}

	@Test
	void otherFailuresPassUnchanged() {
		SQLException otherKey = new SQLException(
				"duplicate key value violates unique constraint \"idea_reference_key\"", "23505", 0);
		ProcessEngineException failure = persistence(otherKey);
		assertThatThrownBy(() -> failingWith(failure)).isSameAs(failure);

		SQLException connection = new SQLException("Connection refused", "08001", 0);
		ProcessEngineException down = persistence(connection);
		assertThatThrownBy(() -> failingWith(down)).isSameAs(down);
	}

	private static ProcessEngineException persistence(SQLException cause) {
		return new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
				new PersistenceException("### Error flushing statements", cause));
	}

	private static void failingWith(ProcessEngineException failure) {
		CommandInterceptor interceptor = new IdeaReadAuthorizations.ConcurrentGrants();
		interceptor.setNext(new CommandInterceptor() {
			@Override
			public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
				throw failure;
			}
		});
		interceptor.execute(context -> null);
	}

}
