package city.ideatoservice.identity;

import java.util.List;

import city.ideatoservice.organisation.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff API's check: the request was authenticated with a Camunda account (by the
 * filter of RestApiSecurity) of one of these groups, or of an administrator. 401 without
 * login, 403 with the message otherwise.
 */
public final class StaffAccess {

	private StaffAccess() {
	}

	public static void require(IdentityService identityService, String refusal, String... groups) {
		Authentication user = identityService.getCurrentAuthentication();
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in with your city account.");
		}
		List<String> memberOf = user.getGroupIds() == null ? List.of() : user.getGroupIds();
		if (memberOf.contains(Groups.CAMUNDA_ADMIN) || List.of(groups).stream().anyMatch(memberOf::contains)) {
			return;
		}
		throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
	}

}
