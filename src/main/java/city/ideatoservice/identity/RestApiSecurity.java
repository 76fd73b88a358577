package city.ideatoservice.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API and the staff API answer only authenticated users (HTTP Basic, their Camunda account), under
 * their own authorizations.
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurity {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*", "/api/staff/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.setName("camunda-rest-authentication");
		return registration;
	}

}
