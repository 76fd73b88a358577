package city.ideatoservice.commitment;

/**
 * Published when the city's public commitment to an idea is planned (notifications
 * listen).
 */
public record PublicCommitmentRecorded(Long ideaId, String reference, Long commitmentId) {

}
