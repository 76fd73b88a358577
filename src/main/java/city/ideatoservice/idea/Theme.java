package city.ideatoservice.idea;

/** The theme a citizen picks; the triage DMN proposes a sponsor department from it. */
public enum Theme {

	MOBILITY, ENVIRONMENT, SOCIAL, URBAN_PLANNING, CULTURE, OTHER

}
