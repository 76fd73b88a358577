package city.ideatoservice.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Tells {@link LoginThrottle} which passwords the engine checked during a request, and
 * whether they were right: every login (Tasklist, Cockpit, Admin, HTTP Basic on the REST
 * API, actuator) ends in the identity provider's checkPassword. The engine's own lockout
 * stays as it is.
 */
@Component
class PasswordChecks extends AbstractProcessEnginePlugin {

	private static final ThreadLocal<Map<String, Boolean>> CHECKED = new ThreadLocal<>();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(Recording.class));
	}

	/** Starts recording the password checks of the current thread's request. */
	static Map<String, Boolean> record() {
		Map<String, Boolean> checked = new LinkedHashMap<>();
		CHECKED.set(checked);
		return checked;
	}

	static void stop() {
		CHECKED.remove();
	}

	/** The engine's database identity provider, telling what it checked. */
	public static class Recording extends DbIdentityServiceProvider {

		@Override
		public boolean checkPassword(String userId, String password) {
			UserEntity user = userId == null ? null : findUserById(userId);
			// while the engine's lockout lasts it checks nothing: the right password then
			// is not a wrong one
			boolean locked = user != null && isUserLocked(user);
			boolean right = super.checkPassword(userId, password);
			Map<String, Boolean> checked = CHECKED.get();
			if (checked != null && userId != null && !locked) {
				checked.merge(userId, right, Boolean::logicalAnd);
			}
			return right;
		}

	}

}
