package city.ideatoservice.identity;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Staff read the ideas they have a task in, not every idea: a task's candidate group or
 * user (assignee, owner) may read, besides the task (Camunda's default, TASK_WORK), its
 * process instance and every instance that called it up to the idea, with their history.
 * That is what Tasklist shows on a card and in a form. Groups that need every idea get it
 * in IdentitySetup (READ_INSTANCE and READ_HISTORY on the definitions).
 *
 * <p>
 * Grants stay after the task is done (the idea's later steps stay readable to who worked
 * on it) and go with the history's removal time, as Camunda's own task grants do.
 *
 * <p>
 * Two transactions that create tasks of one idea for one group at the same time (two
 * clerks completing the same task on two nodes) both insert its grant row; the second
 * fails on the unique key. That is a concurrent change, as the engine itself treats a
 * unique-key clash on a variable: {@link ConcurrentGrants} reports it as an
 * {@link OptimisticLockingException} (REST 409, a job tried again), not a server failure.
 */
@Component
public class IdeaReadAuthorizations extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// HISTORIC_PROCESS_INSTANCE and HISTORIC_TASK grants per instance, not only
		// READ_HISTORY on a whole definition
		configuration.setEnableHistoricInstancePermissions(true);
		configuration.setResourceAuthorizationProvider(new Provider());
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new ConcurrentGrants());
	}

	static final class ConcurrentGrants extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (ProcessEngineException ex) {
				if (!(ex instanceof OptimisticLockingException) && isGrantKeyClash(ex)) {
					throw new OptimisticLockingException(
							"Another transaction granted the same access at the same time: " + ex.getMessage(), ex);
				}
				throw ex;
			}
		}

		/** A unique-key violation (SQLSTATE 23505: PostgreSQL, H2) on ACT_UNIQ_AUTH_*. */
		static boolean isGrantKeyClash(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql) {
					for (SQLException each = sql; each != null; each = each.getNextException()) {
						String message = String.valueOf(each.getMessage()).toLowerCase();
						if ("23505".equals(each.getSQLState()) && message.contains("act_uniq_auth")) {
							return true;
						}
					}
				}
			}
			return false;
		}

	}

	static class Provider extends DefaultAuthorizationProvider {

		@Override
		protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
			List<AuthorizationEntity> grants = new ArrayList<>(
					List.of(super.createOrUpdateAuthorizations(task, groupId, userId)));
			ExecutionEntity execution = task instanceof TaskEntity entity ? entity.getExecution() : null;
			ExecutionEntity instance = execution == null ? null : execution.getProcessInstance();
			while (instance != null) {
				grant(groupId, userId, PROCESS_INSTANCE, instance.getId(), ProcessInstancePermissions.READ)
					.ifPresent(grants::add);
				if (isHistoricInstancePermissionsEnabled()) {
					grant(groupId, userId, HISTORIC_PROCESS_INSTANCE, instance.getId(),
							HistoricProcessInstancePermissions.READ)
						.ifPresent(history -> {
							if (history.getId() == null) {
								provideRemovalTime(history, task);
							}
							grants.add(history);
						});
				}
				ExecutionEntity caller = instance.getSuperExecution();
				instance = caller == null ? null : caller.getProcessInstance();
			}
			return grants.toArray(new AuthorizationEntity[0]);
		}

		/**
		 * The grant to save, if it is not there yet: an existing one is not written
		 * again, so that tasks of one idea created at the same time do not collide on its
		 * row.
		 */
		private Optional<AuthorizationEntity> grant(String groupId, String userId, Resource resource, String instanceId,
				Permission permission) {
			AuthorizationEntity existing = groupId != null
					? getGrantAuthorizationByGroupId(groupId, resource, instanceId)
					: getGrantAuthorizationByUserId(userId, resource, instanceId);
			if (existing == null) {
				return Optional.of(createAuthorization(userId, groupId, resource, instanceId, permission));
			}
			if (existing.isPermissionGranted(permission)) {
				return Optional.empty();
			}
			addPermissions(existing, permission);
			return Optional.of(existing);
		}

	}

}
