package city.ideatoservice.oparl;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * OParl clients in the browser (on other sites) read the API: any origin may GET it,
 * without cookies or credentials.
 */
@Configuration(proxyBeanMethods = false)
class OparlCors implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		for (String path : new String[] { OparlLinks.PATH, OparlLinks.PATH + "/**" }) {
			registry.addMapping(path).allowedOrigins("*").allowedMethods("GET").allowCredentials(false);
		}
	}

}
