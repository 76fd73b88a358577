package city.ideatoservice.partner;

/** Who a partner is, in the guidebook's words for a multi-stakeholder partnership. */
public enum PartnerKind {

	UNIVERSITY, INNOVATION_HUB, CIVIC_GROUP, ENTREPRENEUR, PUBLIC_BODY, OTHER

}
