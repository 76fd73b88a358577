package city.ideatoservice.screening;

/**
 * Published when the screener asks the citizen a question (the citizen gets it by
 * e-mail).
 */
public record CitizenAsked(Long ideaId, String reference, String question) {

}
