package city.ideatoservice.idea;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a citizen's personal data on request: name, e-mail and language go, the idea and
 * its history stay. The record of mails sent to them goes too, and no mail is sent to
 * them afterwards.
 */
@Service
public class CitizenErasure {

	/**
	 * Published in the erasing transaction, so that other features drop what they keep
	 * about the citizen.
	 */
	public record CitizenErased(Long citizenId) {
	}

	private final IdeaService ideas;

	private final CitizenRepository citizens;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CitizenErasure(IdeaService ideas, CitizenRepository citizens, ApplicationEventPublisher events, Clock clock) {
		this.ideas = ideas;
		this.citizens = citizens;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Erases the data of the citizen behind an idea; false if the idea has none (left).
	 */
	@Transactional
	public boolean eraseCitizenOf(String reference) {
		Long citizenId = ideas.require(reference).citizenId();
		if (citizenId == null) {
			return false;
		}
		Citizen citizen = citizens.findById(citizenId).orElseThrow();
		if (citizen.erasedAt() != null) {
			return false;
		}
		citizens.save(new Citizen(citizen.id(), null, null, null, citizen.createdAt(), clock.instant()));
		events.publishEvent(new CitizenErased(citizenId));
		return true;
	}

}
