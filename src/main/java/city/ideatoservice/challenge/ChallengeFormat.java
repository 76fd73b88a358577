package city.ideatoservice.challenge;

/** The two forms of the guidebook's competition. */
public enum ChallengeFormat {

	/** A one-weekend event. */
	HACKATHON,

	/** A crowdsourcing challenge over weeks or months. */
	CROWDSOURCING

}
