package city.ideatoservice.idea;

/** Where an idea came from. */
public enum Channel {

	PORTAL, WORKSHOP, HACKATHON, CHALLENGE, EMAIL, PHONE, OTHER

}
