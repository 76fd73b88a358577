package city.ideatoservice.idea;

/** What a citizen sees of an idea (DOMAIN.md). Only the model's steps change it. */
public enum PublicStatus {

	SUBMITTED, IN_REVIEW, CO_DESIGN, PROTOTYPING, PILOT, APPROVALS, COUNCIL, ADOPTED, LIVE,

	REJECTED, NOT_ADOPTED, WITHDRAWN, MERGED;

	/**
	 * The statuses that close an idea for good; each carries a reason the citizen reads.
	 */
	public boolean isClosing() {
		return this == REJECTED || this == NOT_ADOPTED || this == WITHDRAWN || this == MERGED;
	}

	/** Until adoption the citizen may withdraw the idea. */
	public boolean isWithdrawable() {
		return ordinal() < ADOPTED.ordinal();
	}

}
