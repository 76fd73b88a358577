package city.ideatoservice.notification;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.challenge.ChallengeJurorRepository;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.PartnerRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Send e-mail", the job of a send-notification process: renders the message and hands it
 * to the mail server. A failure fails the job, which the engine retries and finally turns
 * into an incident. A mail the server accepted is recorded as sent at once, in its own
 * transaction, so that a retry never sends it twice.
 */
@Component
public class SendNotificationDelegate implements JavaDelegate {

	private final NotificationRepository notifications;

	private final CitizenRepository citizens;

	private final PartnerRepository partners;

	private final ChallengeJurorRepository jurors;

	private final IdentityService identityService;

	private final MailComposer composer;

	private final JavaMailSender mailSender;

	private final NotificationProperties properties;

	private final ObjectMapper json;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SendNotificationDelegate(NotificationRepository notifications, CitizenRepository citizens,
			PartnerRepository partners, ChallengeJurorRepository jurors, IdentityService identityService,
			MailComposer composer, JavaMailSender mailSender, NotificationProperties properties, ObjectMapper json,
			PlatformTransactionManager transactions, Clock clock) {
		this.notifications = notifications;
		this.citizens = citizens;
		this.partners = partners;
		this.jurors = jurors;
		this.identityService = identityService;
		this.composer = composer;
		this.mailSender = mailSender;
		this.properties = properties;
		this.json = json;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	record Recipient(String address, String name) {
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		Long id = ((Number) execution.getVariable(Notifications.NOTIFICATION_ID)).longValue();
		Optional<Notification> found = notifications.findById(id);
		if (found.isEmpty() || found.get().status() != Notification.Status.PENDING) {
			// sent by an earlier try, cancelled, or erased with the citizen's data
			return;
		}
		Notification notification = found.get();
		Optional<Recipient> recipient = recipient(notification);
		if (recipient.isEmpty()) {
			notifications.save(notification.cancelled());
			return;
		}
		Map<String, String> parameters = json.readValue(notification.parameters(), new TypeReference<>() {
		});
		MailComposer.Mail mail = composer.compose(notification.kind(), Locale.forLanguageTag(notification.locale()),
				parameters);
		MimeMessage message = message(recipient.get(), mail);
		mailSender.send(message);
		String messageId = message.getMessageID();
		ownTransaction.executeWithoutResult(status -> notifications
			.save(notifications.findById(id).orElseThrow().sent(clock.instant(), messageId)));
	}

	private MimeMessage message(Recipient recipient, MailComposer.Mail mail)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(properties.sender());
		// the name is encoded by InternetAddress: a line break in it cannot start a new
		// header
		helper.setTo(new InternetAddress(recipient.address(),
				recipient.name() == null ? null : MailComposer.oneLine(recipient.name()), "UTF-8"));
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		message.saveChanges();
		return message;
	}

	private Optional<Recipient> recipient(Notification notification) {
		if (notification.citizenId() != null) {
			return citizens.findById(notification.citizenId())
				.filter(citizen -> citizen.erasedAt() == null && citizen.email() != null)
				.map(citizen -> new Recipient(citizen.email(), citizen.name()));
		}
		if (notification.partnerId() != null) {
			return partners.findById(notification.partnerId())
				.filter(Partner::isReachable)
				.map(partner -> new Recipient(partner.email(), partner.contactPerson()));
		}
		if (notification.jurorId() != null) {
			return jurors.findById(notification.jurorId())
				.filter(juror -> juror.email() != null && !juror.email().isBlank())
				.map(juror -> new Recipient(juror.email(), juror.name()));
		}
		User user = identityService.createUserQuery().userId(notification.staffUserId()).singleResult();
		if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new Recipient(user.getEmail(), (user.getFirstName() + " " + user.getLastName()).strip()));
	}

}
