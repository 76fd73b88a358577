package city.ideatoservice.notification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import city.ideatoservice.commitment.PublicCommitment;
import city.ideatoservice.commitment.PublicCommitmentRecorded;
import city.ideatoservice.commitment.PublicCommitments;
import city.ideatoservice.deadline.Deadlines;
import city.ideatoservice.idea.Citizen;
import city.ideatoservice.idea.CitizenErasure;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaRegistered;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaStatusChanged;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.screening.CitizenAsked;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a citizen is told by e-mail: the acknowledgement with the tracking code, every
 * public status change with its reason, a question from screening, the withdrawal. Queued
 * in the transaction of the step that caused it; nothing for an idea without an e-mail
 * address or whose citizen's data was erased.
 */
@Component
class CitizenNotifications {

	private final Notifications notifications;

	private final IdeaService ideas;

	private final CitizenRepository citizens;

	private final MessageSource messages;

	private final String publicBaseUrl;

	private final NotificationRepository notificationRepository;

	private final Deadlines deadlines;

	private final PublicCommitments commitments;

	CitizenNotifications(Notifications notifications, IdeaService ideas, CitizenRepository citizens,
			MessageSource messages, @Value("${idea-to-service.public-base-url}") String publicBaseUrl,
			NotificationRepository notificationRepository, Deadlines deadlines, PublicCommitments commitments) {
		this.commitments = commitments;
		this.notificationRepository = notificationRepository;
		this.deadlines = deadlines;
		this.notifications = notifications;
		this.ideas = ideas;
		this.citizens = citizens;
		this.messages = messages;
		this.publicBaseUrl = publicBaseUrl;
	}

	@EventListener
	void onRegistered(IdeaRegistered registered) {
		if (registered.citizenId() == null || registered.trackingCode() == null) {
			return;
		}
		citizen(registered.citizenId()).ifPresent(citizen -> {
			Map<String, String> parameters = facts(registered.reference(), registered.title(), citizen);
			parameters.put("trackingCode", registered.trackingCode());
			// the portal's tracking page; the code after "#" stays in the browser (no
			// server
			// log has it): with JavaScript it fills the form, without it the citizen
			// types it
			parameters.put("trackingUrl", publicBaseUrl + "/track?reference=" + registered.reference() + "#code="
					+ registered.trackingCode());
			notifications.toCitizen(NotificationKind.IDEA_RECEIVED, registered.ideaId(), registered.reference(),
					citizen.id(), citizen.locale(), parameters);
		});
	}

	@EventListener
	void onStatusChanged(IdeaStatusChanged changed) {
		// SUBMITTED is the acknowledgement; screening starts with it, and the
		// acknowledgement says so
		if (changed.status() == PublicStatus.SUBMITTED || changed.status() == PublicStatus.IN_REVIEW) {
			return;
		}
		Idea idea = ideas.require(changed.reference());
		if (idea.citizenId() == null) {
			return;
		}
		citizen(idea.citizenId()).ifPresent(citizen -> {
			Map<String, String> parameters = facts(idea.reference(), idea.title(), citizen);
			parameters.put("status", changed.status().name());
			parameters.put("statusLabel", messages.getMessage("status." + changed.status().name(), null,
					changed.status().name(), locale(citizen)));
			if (changed.publicReason() != null) {
				parameters.put("reason", changed.publicReason());
			}
			NotificationKind kind = changed.status() == PublicStatus.WITHDRAWN ? NotificationKind.IDEA_WITHDRAWN
					: changed.noteOnly() ? NotificationKind.SERVICE_NEWS : NotificationKind.STATUS_CHANGED;
			notifications.toCitizen(kind, idea.id(), idea.reference(), citizen.id(), citizen.locale(), parameters);
		});
	}

	@EventListener
	void onAsked(CitizenAsked asked) {
		Idea idea = ideas.require(asked.reference());
		if (idea.citizenId() == null) {
			return;
		}
		citizen(idea.citizenId()).ifPresent(citizen -> {
			Map<String, String> parameters = facts(idea.reference(), idea.title(), citizen);
			parameters.put("question", asked.question());
			parameters.put("answerBy", deadlines.questionAnswerBy().toString());
			notifications.toCitizen(NotificationKind.QUESTION_ASKED, idea.id(), idea.reference(), citizen.id(),
					citizen.locale(), parameters);
		});
	}

	/**
	 * The city's public commitment after the co-design: the promise, its date and who
	 * commits.
	 */
	@EventListener
	void onCommitment(PublicCommitmentRecorded recorded) {
		Idea idea = ideas.require(recorded.reference());
		PublicCommitment commitment = commitments.find(recorded.commitmentId()).orElseThrow();
		if (idea.citizenId() == null) {
			return;
		}
		citizen(idea.citizenId()).ifPresent(citizen -> {
			Map<String, String> parameters = facts(idea.reference(), idea.title(), citizen);
			parameters.put("momentLabel", messages.getMessage("mail.moment." + commitment.moment().name(), null,
					commitment.moment().name(), locale(citizen)));
			parameters.put("sponsorName", commitment.sponsorName());
			parameters.put("sponsorOffice", commitment.sponsorOffice());
			parameters.put("commitmentDate", commitment.commitmentDate().toString());
			parameters.put("promise", commitment.promise());
			notifications.toCitizen(NotificationKind.PUBLIC_COMMITMENT, idea.id(), idea.reference(), citizen.id(),
					citizen.locale(), parameters);
		});
	}

	/**
	 * Erasure takes the record of what was sent to the citizen, and what was still to be
	 * sent.
	 */
	@EventListener
	void onErased(CitizenErasure.CitizenErased erased) {
		notificationRepository.deleteByCitizenId(erased.citizenId());
	}

	private java.util.Optional<Citizen> citizen(Long id) {
		return citizens.findById(id).filter(citizen -> citizen.erasedAt() == null && citizen.email() != null);
	}

	private Map<String, String> facts(String reference, String title, Citizen citizen) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("reference", reference);
		parameters.put("title", title);
		parameters.put("name", citizen.name() == null ? "" : citizen.name());
		parameters.put("portalUrl", publicBaseUrl);
		return parameters;
	}

	private static Locale locale(Citizen citizen) {
		return citizen.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(citizen.locale());
	}

}
