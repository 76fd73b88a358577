package city.ideatoservice.challenge;

/** Where a challenge stands, as the public sees it. */
public enum ChallengeStatus {

	/** Being defined; not public. */
	DRAFT,

	/** Public text approved; the window opens later. */
	PUBLISHED,

	/** Published; entries are taken inside the window. */
	OPEN,

	/** The window has closed; the jury scores the entries. */
	JUDGING,

	/** Winners announced. */
	ANNOUNCED,

	/** Closed without entries; the public note says so. */
	NO_ENTRIES,

	/** Stopped before publication or before the window opened. */
	CANCELLED

}
