package city.ideatoservice.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.mock.web.MockHttpSession;

/**
 * The HTTP session a browser has after logging in to the Tasklist, for the staff pages.
 */
public final class StaffSessions {

	private StaffSessions() {
	}

	public static MockHttpSession loggedIn(ProcessEngine engine, String userId) {
		MockHttpSession session = new MockHttpSession();
		Authentications authentications = new Authentications();
		authentications.addOrReplace(AuthenticationUtil.createAuthentication(engine, userId));
		AuthenticationUtil.updateSession(session, authentications);
		return session;
	}

}
