package city.ideatoservice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Cockpit's plugin API answers the webapps' users who may open Cockpit, and no one else.
 */
class CockpitApiAccessTest {

	final ProcessEngine engine = mock(ProcessEngine.class);

	MockHttpServletResponse call(Set<String> apps) throws Exception {
		when(engine.getName()).thenReturn("default");
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				"/camunda/api/cockpit/plugin/base/default/process-instance");
		if (apps != null) {
			UserAuthentication user = new UserAuthentication("someone", "default");
			user.setGroupIds(List.of("innovation-office"));
			user.setAuthorizedApps(apps);
			AuthenticationUtil.getAuthsFromSession(request.getSession(true)).addOrReplace(user);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new CockpitApiAccess.CockpitOnly(engine).doFilter(request, response, chain);
		if (chain.getRequest() != null) {
			response.setStatus(200);
		}
		return response;
	}

	@Test
	void aTasklistUserGetsNoCockpitData() throws Exception {
		MockHttpServletResponse refused = call(Set.of("tasklist", "welcome"));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("who may open Cockpit");
	}

	@Test
	void aCockpitUserGetsThrough() throws Exception {
		assertThat(call(Set.of("cockpit", "tasklist")).getStatus()).isEqualTo(200);
	}

	@Test
	void withoutAWebappLoginCamundaAnswersItself() throws Exception {
		assertThat(call(null).getStatus()).isEqualTo(200);
	}

}
