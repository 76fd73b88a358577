package city.ideatoservice.portal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The citizens' pages: their language (the visible switch, kept in a cookie, else the
 * browser's Accept-Language; English or German) and the CSRF token of their forms.
 * <p>
 * CSRF: Spring Security's {@link CsrfFilter} on its own (the application has no Spring
 * Security configuration): a synchronizer token kept in the HTTP session, sent masked
 * anew with every form (BREACH), checked on every POST of the pages. A POST without the
 * session's token is refused with a page that says why (403). The JSON API needs no
 * token: it reads only JSON bodies, which a form of another site cannot send, and holds
 * no session.
 */
@Configuration(proxyBeanMethods = false)
class PortalWeb implements WebMvcConfigurer {

	/** The pages' addresses (servlet filter patterns). */
	static final String[] PAGES = { "/", "/submit", "/submit/*", "/track", "/track/*", "/ideas", "/ideas/*",
			"/services", "/register", "/datasets", "/figures", "/privacy", "/challenges", "/challenges/*", "/jury/*" };

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

	static final String LANGUAGE_PARAMETER = "lang";

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new PortalLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(LANGUAGE_PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).excludePathPatterns("/api/**");
	}

	@Bean
	FilterRegistrationBean<CsrfFilter> portalCsrfFilter() {
		CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
		filter.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
		filter.setAccessDeniedHandler((request, response, denied) -> {
			response.setStatus(403);
			request.getRequestDispatcher(PortalPages.REFUSED_FORM).forward(request, response);
		});
		FilterRegistrationBean<CsrfFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(PAGES);
		registration.setName("portal-csrf");
		// after the rate limits: a refused request counts too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	/**
	 * The language chosen with the switch (a cookie), else the best of the browser's
	 * languages the texts exist in, else English: always one of {@link #LANGUAGES}, so
	 * that the page's lang attribute says what it is written in.
	 */
	static class PortalLocaleResolver extends CookieLocaleResolver {

		PortalLocaleResolver() {
			super("lang");
			setCookieMaxAge(Duration.ofDays(365));
			setCookieSameSite("Lax");
			setDefaultLocaleFunction(PortalLocaleResolver::fromBrowser);
		}

		@Override
		protected Locale parseLocaleValue(String value) {
			return supported(super.parseLocaleValue(value));
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
			Locale chosen = context == null ? null : supported(context.getLocale());
			// another language than ours removes the cookie: the browser's languages
			// count again
			super.setLocaleContext(request, response, chosen == null ? null : new SimpleLocaleContext(chosen));
		}

		static Locale supported(Locale locale) {
			return locale == null ? null
					: LANGUAGES.stream()
						.filter(language -> language.getLanguage().equals(locale.getLanguage()))
						.findFirst()
						.orElse(null);
		}

		static Locale fromBrowser(HttpServletRequest request) {
			String language = IdeaApiController.language(request.getHeader("Accept-Language"));
			return language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
		}

	}

}
