package city.ideatoservice.idea;

/** Who would benefit from the idea; the triage DMN sets the priority from it. */
public enum Reach {

	NEIGHBOURHOOD, DISTRICT, CITY

}
