package city.ideatoservice.partner;

import static city.ideatoservice.partner.PartnerVariables.CONTACT_PERSON;
import static city.ideatoservice.partner.PartnerVariables.EMAIL;
import static city.ideatoservice.partner.PartnerVariables.KIND;
import static city.ideatoservice.partner.PartnerVariables.ORGANISATION;
import static city.ideatoservice.partner.PartnerVariables.PUBLIC_LISTING;
import static city.ideatoservice.partner.PartnerVariables.ROLE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.partner.PartnerEvents.CheckpointAssessed;
import city.ideatoservice.partner.PartnerEvents.PartnerErased;
import city.ideatoservice.partner.PartnerEvents.PartnersJoined;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an idea's partnership: partners join at co-design or at a checkpoint, leave at a
 * checkpoint, give their view on each checkpoint; the public sees the public ones.
 */
@Service
public class Partners {

	/** A partner's view at a checkpoint. */
	public record Opinion(Long partnerId, String opinion, String comment) {
	}

	private final PartnerRepository partners;

	private final CheckpointAssessmentRepository assessments;

	private final PartnerOpinionRepository opinions;

	private final IdeaService ideas;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Partners(PartnerRepository partners, CheckpointAssessmentRepository assessments, PartnerOpinionRepository opinions,
			IdeaService ideas, ApplicationEventPublisher events, Clock clock) {
		this.partners = partners;
		this.assessments = assessments;
		this.opinions = opinions;
		this.ideas = ideas;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds the entries of a form's partner list (checked against the form already) to the
	 * idea's partnership.
	 */
	@Transactional
	public List<Partner> join(String reference, List<Map<String, Object>> entries) {
		Long ideaId = ideas.require(reference).id();
		Instant now = clock.instant();
		List<Partner> joined = new ArrayList<>();
		for (Map<String, Object> entry : entries) {
			joined.add(partners.save(new Partner(null, ideaId, text(entry, ORGANISATION),
					PartnerKind.valueOf(text(entry, KIND)), text(entry, CONTACT_PERSON), text(entry, EMAIL),
					text(entry, ROLE), Boolean.TRUE.equals(entry.get(PUBLIC_LISTING)), now, null, null, null)));
		}
		if (!joined.isEmpty()) {
			events.publishEvent(new PartnersJoined(ideaId, reference, joined.stream().map(Partner::id).toList()));
		}
		return joined;
	}

	/**
	 * The entries of a form's partner list (checked against the form already) become a
	 * challenge's partners and sponsors, in place of those defined before.
	 */
	@Transactional
	public List<Partner> replaceChallengePartners(Long challengeId, List<Map<String, Object>> entries) {
		partners.deleteAll(partners.findByChallengeIdOrderById(challengeId));
		Instant now = clock.instant();
		List<Partner> joined = new ArrayList<>();
		for (Map<String, Object> entry : entries) {
			joined.add(partners.save(new Partner(null, null, text(entry, ORGANISATION),
					PartnerKind.valueOf(text(entry, KIND)), text(entry, CONTACT_PERSON), text(entry, EMAIL),
					text(entry, ROLE), Boolean.TRUE.equals(entry.get(PUBLIC_LISTING)), now, null, null, challengeId)));
		}
		return joined;
	}

	/**
	 * A challenge's partners and sponsors, with their contacts: for the innovation
	 * office.
	 */
	public List<Partner> ofChallenge(Long challengeId) {
		return partners.findByChallengeIdOrderById(challengeId);
	}

	/** A challenge's partners and sponsors who agreed to be shown on its public page. */
	public List<PublicPartner> publicChallengePartners(Long challengeId) {
		return partners.findByChallengeIdOrderById(challengeId)
			.stream()
			.filter(Partner::isCurrent)
			.filter(Partner::publicListing)
			.map(partner -> new PublicPartner(partner.organisation(), partner.kind(), partner.role()))
			.toList();
	}

	/** The partners of the idea now, in the order they joined. */
	public List<Partner> current(String reference) {
		return ideas.findByReference(reference)
			.map(idea -> partners.findByIdeaIdOrderById(idea.id()).stream().filter(Partner::isCurrent).toList())
			.orElse(List.of());
	}

	/** Every partner the idea had, current or not: for the innovation office. */
	public List<Partner> all(String reference) {
		return partners.findByIdeaIdOrderById(ideas.require(reference).id());
	}

	/**
	 * The current partners who agreed to be shown on the idea's public page; empty for an
	 * unknown reference.
	 */
	public List<PublicPartner> publicPartners(String reference) {
		return current(reference).stream()
			.filter(Partner::publicListing)
			.map(partner -> new PublicPartner(partner.organisation(), partner.kind(), partner.role()))
			.toList();
	}

	/** These current partners of the idea leave the partnership. */
	@Transactional
	public void leave(String reference, Collection<Long> partnerIds) {
		Instant now = clock.instant();
		current(reference).stream()
			.filter(partner -> partnerIds.contains(partner.id()))
			.forEach(partner -> partners.save(partner.left(now)));
	}

	/**
	 * Keeps a checkpoint's assessment with each partner's view; the partners hear of it.
	 */
	@Transactional
	public CheckpointAssessment assess(String reference, String milestone, String decision, String assessedBy,
			List<Opinion> views) {
		Long ideaId = ideas.require(reference).id();
		CheckpointAssessment assessment = assessments
			.save(new CheckpointAssessment(null, ideaId, milestone, decision, assessedBy, clock.instant()));
		for (Opinion view : views) {
			opinions.save(new PartnerOpinion(null, assessment.id(), view.partnerId(), view.opinion(), view.comment()));
		}
		events.publishEvent(new CheckpointAssessed(ideaId, reference, assessment.id(), milestone, decision));
		return assessment;
	}

	public List<CheckpointAssessment> assessments(String reference) {
		return assessments.findByIdeaIdOrderByAssessedAt(ideas.require(reference).id());
	}

	public List<PartnerOpinion> opinions(CheckpointAssessment assessment) {
		return opinions.findByAssessmentIdOrderById(assessment.id());
	}

	/**
	 * Erases a partner's contact person and e-mail on request; the organisation and its
	 * role stay. False if there is no such partner of the idea or it was erased already.
	 */
	@Transactional
	public boolean erase(String reference, Long partnerId) {
		Long ideaId = ideas.require(reference).id();
		Partner partner = partners.findById(partnerId).filter(p -> p.ideaId().equals(ideaId)).orElse(null);
		if (partner == null || partner.erasedAt() != null) {
			return false;
		}
		partners.save(partner.erased(clock.instant()));
		events.publishEvent(new PartnerErased(partnerId));
		return true;
	}

	private static String text(Map<String, Object> entry, String key) {
		Object value = entry.get(key);
		String text = value == null ? null : String.valueOf(value).strip();
		return text == null || text.isEmpty() ? null : text;
	}

}
