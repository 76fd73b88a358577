package city.ideatoservice.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import city.ideatoservice.organisation.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The staff pages (/staff/...): server-rendered like the portal, with the login of the
 * Camunda webapps (the session a user has after logging in to the Tasklist; no second
 * password). The request runs as that user, so that {@link StaffAccess} checks their
 * groups as for the staff API; its forms carry a CSRF token of the session, as the
 * portal's do.
 */
@Configuration(proxyBeanMethods = false)
public class StaffPages {

	/** The Tasklist, where a user logs in. */
	public static final String LOGIN = "/camunda/app/tasklist/default/";

	/**
	 * Who may see a staff page: the login page (401) without a login, a refusal (403) for
	 * other groups than these (or an administrator's), else empty; the page shows the
	 * user's name.
	 */
	public static Optional<String> refused(IdentityService identity, org.springframework.ui.Model model,
			HttpServletResponse response, String refusal, String... groups) {
		Optional<String> login = login(identity, model, response);
		if (login.isPresent()) {
			return login;
		}
		List<String> memberOf = identity.getCurrentAuthentication().getGroupIds() == null ? List.of()
				: identity.getCurrentAuthentication().getGroupIds();
		if (memberOf.contains(Groups.CAMUNDA_ADMIN) || List.of(groups).stream().anyMatch(memberOf::contains)) {
			return Optional.empty();
		}
		response.setStatus(403);
		model.addAttribute("refusal", refusal);
		return Optional.of("staff/refused");
	}

	/**
	 * The login page (401) without a login, else empty; the page shows the user's name.
	 */
	public static Optional<String> login(IdentityService identity, org.springframework.ui.Model model,
			HttpServletResponse response) {
		Optional<User> user = user(identity);
		if (user.isEmpty()) {
			response.setStatus(401);
			model.addAttribute("login", LOGIN);
			return Optional.of("staff/login");
		}
		model.addAttribute("userName", (java.util.Objects.toString(user.get().getFirstName(), "") + " "
				+ java.util.Objects.toString(user.get().getLastName(), ""))
			.strip());
		return Optional.empty();
	}

	/** A code as words on a page: MAYORAL_DECREE is "Mayoral decree". */
	public static String words(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		String text = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** A person by name, never by login id ("a former user" once the account is gone). */
	public static String personName(IdentityService identity, String userId) {
		User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId == null ? "—" : "a former user";
		}
		String name = (java.util.Objects.toString(user.getFirstName(), "") + " "
				+ java.util.Objects.toString(user.getLastName(), ""))
			.strip();
		return name.isEmpty() ? userId : name;
	}

	/** The user logged in to the Camunda webapps in this browser session, if any. */
	public static Optional<User> user(IdentityService identity) {
		return Optional.ofNullable(identity.getCurrentAuthentication())
			.map(authentication -> identity.createUserQuery().userId(authentication.getUserId()).singleResult());
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> staffPagesLogin(ProcessEngine engine) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						Authentications session = request.getSession(false) == null ? null
								: AuthenticationUtil.getAuthsFromSession(request.getSession(false));
						if (session == null || !(session
							.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user)) {
							chain.doFilter(request, response);
							return;
						}
						IdentityService identity = engine.getIdentityService();
						identity.setAuthentication(user.getIdentityId(),
								user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
								user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds()));
						try {
							chain.doFilter(request, response);
						}
						finally {
							identity.clearAuthentication();
						}
					}
				});
		registration.addUrlPatterns("/staff/*");
		registration.setName("staff-pages-login");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CsrfFilter> staffPagesCsrf() {
		CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
		filter.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
		filter.setAccessDeniedHandler((request, response, denied) -> response.sendError(403,
				"The page was open too long or came from elsewhere. Reload it and try again."));
		FilterRegistrationBean<CsrfFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/staff/*");
		registration.setName("staff-pages-csrf");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

}
