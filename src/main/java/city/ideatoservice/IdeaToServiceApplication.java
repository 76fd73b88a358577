package city.ideatoservice;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdeaToServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdeaToServiceApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	/**
	 * Unquoted table names, so the same lower-case SQL works on H2 and PostgreSQL (Flyway
	 * creates them unquoted).
	 */
	@Bean
	static BeanPostProcessor unquotedTableNames() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

}
