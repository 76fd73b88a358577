package city.ideatoservice.partner;

/**
 * A partner as the public sees it on the idea's page: the organisation, its kind and its
 * role; never the contact person or e-mail.
 */
public record PublicPartner(String organisation, PartnerKind kind, String role) {

}
