package city.ideatoservice.opendata;

/**
 * Names of the process variables of opening datasets, the open-data threshold and
 * waivers: the models and forms use the same names.
 */
public final class OpenDataVariables {

	public static final String DATASETS = "datasets";

	public static final String ADDITIONAL_DATASETS = "additionalDatasets";

	/** Co-design: datasets already in the catalogue the solution uses (their ids). */
	public static final String CATALOGUE_DATASETS = "catalogueDatasets";

	/**
	 * The catalogue's datasets, for a form's choice ("valuesKey": "catalogueOptions").
	 */
	public static final String CATALOGUE_OPTIONS = "catalogueOptions";

	/** Planning the co-design session: the datasets it needs opened early. */
	public static final String CODESIGN_DATASETS = "codesignDatasets";

	public static final String NEEDS_DATA_EARLY = "needsDataEarly";

	public static final String DATASET_TITLE = "datasetTitle";

	public static final String DATASET_OWNER_DEPARTMENT = "datasetOwnerDepartment";

	public static final String DATASET_OUTCOME = "datasetOutcome";

	public static final String DATASET_LICENCE = "datasetLicence";

	public static final String DATASET_FORMAT = "datasetFormat";

	public static final String DATASET_URL = "datasetUrl";

	public static final String DATASET_REASON = "datasetReason";

	public static final String DATASET_PURPOSE = "datasetPurpose";

	public static final String DATASET_ASSESSMENT = "datasetAssessment";

	public static final String OPENING_CONDITIONS = "openingConditions";

	public static final String CONTAINS_PERSONAL_DATA = "containsPersonalData";

	public static final String CONTAINS_LOCATION_DATA = "containsLocationData";

	public static final String COMMERCIALLY_SENSITIVE = "commerciallySensitive";

	public static final String ALREADY_PUBLIC = "alreadyPublic";

	public static final String CLASSIFICATION = "classification";

	public static final String PRIVACY_REVIEW_REQUIRED = "privacyReviewRequired";

	public static final String ANONYMISATION_REQUIRED = "anonymisationRequired";

	public static final String PRIVACY_DECISION = "privacyDecision";

	public static final String ANONYMISATION_INSTRUCTIONS = "anonymisationInstructions";

	public static final String ANONYMISATION_CONFIRMED = "anonymisationConfirmed";

	public static final String CATALOGUE_TITLE = "catalogueTitle";

	public static final String CATALOGUE_DESCRIPTION = "catalogueDescription";

	public static final String UPDATE_FREQUENCY = "updateFrequency";

	public static final String DATASET_KEYWORDS = "datasetKeywords";

	public static final String CONTACT_POINT = "contactPoint";

	public static final String CATALOGUE_ID = "catalogueId";

	public static final String OPEN_DATA_THRESHOLD_MET = "openDataThresholdMet";

	public static final String PUBLISHED_DATASET_COUNT = "publishedDatasetCount";

	public static final String PUBLISHING_DEPARTMENT_COUNT = "publishingDepartmentCount";

	public static final String REQUIRED_DATASET_COUNT = "requiredDatasetCount";

	public static final String REQUIRED_DEPARTMENT_COUNT = "requiredDepartmentCount";

	public static final String WAIVER_DECISION = "waiverDecision";

	public static final String WAIVER_REASON = "waiverReason";

	private OpenDataVariables() {
	}

}
