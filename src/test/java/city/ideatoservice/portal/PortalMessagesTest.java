package city.ideatoservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The pages' texts exist in both languages: every key of messages.properties is in
 * messages_de.properties, and every public status, theme and reach has its name (a status
 * added without its texts fails here, not on a citizen's page).
 */
class PortalMessagesTest {

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PortalMessagesTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyEnglishTextHasAGermanOne() throws IOException {
		Properties english = bundle("messages.properties");
		Properties german = bundle("messages_de.properties");
		assertThat(german.stringPropertyNames()).containsAll(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).containsAll(german.stringPropertyNames());
	}

	@Test
	void everyStatusThemeAndReachHasANameInBothLanguages() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_de.properties" }) {
			Properties texts = bundle(file);
			Stream
				.of(Arrays.stream(PublicStatus.values()).map(s -> "status." + s),
						Arrays.stream(PublicStatus.values()).map(s -> "status." + s + ".explained"),
						Arrays.stream(Theme.values()).map(t -> "theme." + t),
						Arrays.stream(Reach.values()).map(r -> "reach." + r))
				.flatMap(keys -> keys)
				.forEach(key -> assertThat(texts.getProperty(key)).as(key + " in " + file).isNotBlank());
		}
	}

	/**
	 * The pages name a status by the key status.NAME: one without a text shows its key,
	 * visibly, and the page still renders.
	 */
	@Test
	void aStatusWithoutTextShowsItsKeyInsteadOfFailing() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.setTemplateEngineMessageSource(messages);
		String template = "<p th:each=\"s : ${statuses}\" th:text=\"#{'status.' + ${s}}\">s</p>";

		String page = engine.process(template,
				new Context(Locale.GERMAN, Map.of("statuses", new String[] { "LIVE", "SOMETHING_NEW" })));

		assertThat(page).contains("<p>In Betrieb</p>", "??status.SOMETHING_NEW_de??");
	}

}
