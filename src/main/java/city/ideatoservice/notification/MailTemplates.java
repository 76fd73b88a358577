package city.ideatoservice.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The plain-text parts of e-mails ({@code templates/mail/*.txt}) next to Spring Boot's
 * HTML templates.
 */
@Configuration(proxyBeanMethods = false)
class MailTemplates {

	@Bean
	SpringResourceTemplateResolver plainTextMailTemplates() {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix("classpath:/templates/");
		resolver.setResolvablePatterns(java.util.Set.of("mail/*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(0);
		return resolver;
	}

}
