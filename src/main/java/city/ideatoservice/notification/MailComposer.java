package city.ideatoservice.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a message from its templates: {@code templates/mail/<kind>.html} and
 * {@code .txt} (plain text, see {@link MailTemplates}), texts from the {@code messages}
 * bundle in the recipient's language. Thymeleaf escapes every value in the HTML part; the
 * subject is one line, whatever a citizen typed.
 */
@Component
public class MailComposer {

	public record Mail(String subject, String text, String html) {
	}

	private final ITemplateEngine templates;

	private final MessageSource messages;

	MailComposer(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	public Mail compose(NotificationKind kind, Locale locale, Map<String, String> parameters) {
		Context context = new Context(locale);
		context.setVariables(Map.copyOf(parameters));
		String subject = messages
			.getMessage("mail." + kind.template() + ".subject",
					new Object[] { parameters.getOrDefault("reference", ""), parameters.getOrDefault("title", ""),
							parameters.getOrDefault("statusLabel", ""), parameters.getOrDefault("taskName", "") },
					locale);
		return new Mail(oneLine(subject), templates.process("mail/" + kind.template() + ".txt", context),
				templates.process("mail/" + kind.template(), context));
	}

	/**
	 * No line breaks or other control characters in a header, whatever a title or name
	 * contains.
	 */
	static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

}
