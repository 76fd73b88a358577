package city.ideatoservice.idea;

/** What a citizen sees of an idea (DOMAIN.md). Only the model's steps change it. */
public enum PublicStatus {

	SUBMITTED, IN_REVIEW, CO_DESIGN, PROTOTYPING, PILOT, APPROVALS, COUNCIL, ADOPTED, LIVE,

	REJECTED, NOT_ADOPTED, WITHDRAWN, MERGED,

	/** A live service the city ended after a sustainability review. */
	RETIRED;

	/**
	 * The statuses that close an idea for good; each carries a reason the citizen reads.
	 */
	public boolean isClosing() {
		return this == REJECTED || this == NOT_ADOPTED || this == WITHDRAWN || this == MERGED || this == RETIRED;
	}

	/**
	 * Adopted, live or retired: an idea never leaves these for a status before adoption
	 * or a closing one.
	 */
	public boolean isAdopted() {
		return this == ADOPTED || this == LIVE || this == RETIRED;
	}

	/** Until adoption the citizen may withdraw the idea. */
	public boolean isWithdrawable() {
		return ordinal() < ADOPTED.ordinal();
	}

}
