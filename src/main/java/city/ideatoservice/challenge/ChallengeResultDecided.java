package city.ideatoservice.challenge;

import city.ideatoservice.idea.Idea;

/**
 * A participant's result, decided when the winners are announced: the notifications mail
 * it to the entry's citizen.
 */
public record ChallengeResultDecided(Challenge challenge, ChallengeEntry entry, Idea idea, String announcement) {

}
