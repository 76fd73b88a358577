package city.ideatoservice.idea;

/**
 * Published when an idea is registered; the only moment its tracking code exists in clear
 * (the acknowledgement e-mail carries it).
 */
public record IdeaRegistered(Long ideaId, String reference, String title, Long citizenId, String trackingCode) {

}
