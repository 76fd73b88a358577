package city.ideatoservice.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaStatusChanged;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.partner.Partner;
import city.ideatoservice.partner.PartnerEvents.CheckpointAssessed;
import city.ideatoservice.partner.PartnerEvents.PartnerErased;
import city.ideatoservice.partner.PartnerEvents.PartnersJoined;
import city.ideatoservice.partner.PartnerRepository;
import city.ideatoservice.partner.Partners;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the partners of an idea are told by e-mail: that they joined the partnership (at
 * co-design or a checkpoint), each checkpoint assessed together with its decision, and
 * the adoption. Queued like the citizens' mails; nothing for a partner without an address
 * or whose contact was erased, and an erasure takes the record of their mails.
 */
@Component
class PartnerNotifications {

	private final Notifications notifications;

	private final Partners partners;

	private final PartnerRepository partnerRepository;

	private final IdeaService ideas;

	private final NotificationRepository notificationRepository;

	private final String publicBaseUrl;

	PartnerNotifications(Notifications notifications, Partners partners, PartnerRepository partnerRepository,
			IdeaService ideas, NotificationRepository notificationRepository,
			@Value("${idea-to-service.public-base-url}") String publicBaseUrl) {
		this.notifications = notifications;
		this.partners = partners;
		this.partnerRepository = partnerRepository;
		this.ideas = ideas;
		this.notificationRepository = notificationRepository;
		this.publicBaseUrl = publicBaseUrl;
	}

	@EventListener
	void onJoined(PartnersJoined joined) {
		Idea idea = ideas.require(joined.reference());
		for (Partner partner : partnerRepository.findAllById(joined.partnerIds())) {
			send(NotificationKind.PARTNER_JOINED, idea, partner, Map.of());
		}
	}

	@EventListener
	void onCheckpoint(CheckpointAssessed assessed) {
		Idea idea = ideas.require(assessed.reference());
		Map<String, String> facts = Map.of("milestone", assessed.milestone() == null ? "" : assessed.milestone(),
				"decision", assessed.decision());
		partners.current(assessed.reference())
			.forEach(partner -> send(NotificationKind.PARTNER_CHECKPOINT, idea, partner, facts));
	}

	@EventListener
	void onAdopted(IdeaStatusChanged changed) {
		if (changed.status() != PublicStatus.ADOPTED) {
			return;
		}
		Idea idea = ideas.require(changed.reference());
		partners.current(changed.reference())
			.forEach(partner -> send(NotificationKind.PARTNER_ADOPTED, idea, partner, Map.of()));
	}

	@EventListener
	void onErased(PartnerErased erased) {
		notificationRepository.deleteByPartnerId(erased.partnerId());
	}

	private void send(NotificationKind kind, Idea idea, Partner partner, Map<String, String> facts) {
		if (!partner.isReachable()) {
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("reference", idea.reference());
		parameters.put("title", idea.title());
		parameters.put("name", partner.contactPerson() == null ? "" : partner.contactPerson());
		parameters.put("organisation", partner.organisation());
		parameters.put("role", partner.role());
		parameters.put("portalUrl", publicBaseUrl);
		parameters.putAll(facts);
		notifications.toPartner(kind, idea.id(), idea.reference(), partner.id(), parameters);
	}

}
