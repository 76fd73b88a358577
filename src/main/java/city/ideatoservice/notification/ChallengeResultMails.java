package city.ideatoservice.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import city.ideatoservice.challenge.Challenge;
import city.ideatoservice.challenge.ChallengeEntry;
import city.ideatoservice.challenge.ChallengeResultDecided;
import city.ideatoservice.idea.CitizenRepository;
import city.ideatoservice.idea.Idea;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A challenge participant's result by mail, queued with the announcement (never lost: the
 * queue retries); nothing for an entry without an e-mail address or whose citizen's data
 * was erased.
 */
@Component
public class ChallengeResultMails {

	private final Notifications notifications;

	private final CitizenRepository citizens;

	private final String publicBaseUrl;

	ChallengeResultMails(Notifications notifications, CitizenRepository citizens,
			@Value("${idea-to-service.public-base-url}") String publicBaseUrl) {
		this.notifications = notifications;
		this.citizens = citizens;
		this.publicBaseUrl = publicBaseUrl;
	}

	@EventListener
	void onResult(ChallengeResultDecided decided) {
		result(decided.challenge(), decided.entry(), decided.idea(), decided.announcement());
	}

	private void result(Challenge challenge, ChallengeEntry entry, Idea idea, String announcement) {
		if (idea.citizenId() == null) {
			return;
		}
		citizens.findById(idea.citizenId())
			.filter(citizen -> citizen.erasedAt() == null && citizen.email() != null)
			.ifPresent(citizen -> {
				Map<String, String> parameters = new LinkedHashMap<>();
				parameters.put("reference", idea.reference());
				parameters.put("title", idea.title());
				parameters.put("name", citizen.name() == null ? "" : citizen.name());
				parameters.put("portalUrl", publicBaseUrl);
				parameters.put("challengeTitle", challenge.title());
				parameters.put("challengeUrl", publicBaseUrl + "/challenges/" + challenge.reference());
				parameters.put("winner", Boolean.toString(entry.winner()));
				parameters.put("ranking", entry.ranking() == null ? "" : entry.ranking().toString());
				parameters.put("announcement", announcement == null ? "" : announcement);
				notifications.toCitizen(NotificationKind.CHALLENGE_RESULT, idea.id(), idea.reference(), citizen.id(),
						citizen.locale(), parameters);
			});
	}

}
