package city.ideatoservice.transparency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The daily process export runs as a scheduled job (see {@link ProcessExport#make()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TransparencyConfiguration {

}
