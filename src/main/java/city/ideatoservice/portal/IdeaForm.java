package city.ideatoservice.portal;

import city.ideatoservice.idea.IdeaRules;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The portal's form to submit an idea, as typed: shown again with every field kept when
 * something is missing. The messages are keys of messages*.properties, in the page's
 * language; the page puts the field's label before each.
 */
class IdeaForm {

	static final int PLACE_MAX = 120;

	@NotBlank(message = "{portal.error.required}")
	@Size(max = IdeaRules.TITLE_MAX, message = "{portal.error.tooLong}")
	@Pattern(regexp = "[^\\p{Cntrl}]*", message = "{portal.error.oneLine}")
	private String title;

	@NotBlank(message = "{portal.error.required}")
	@Size(max = IdeaRules.DESCRIPTION_MAX, message = "{portal.error.tooLong}")
	private String description;

	@NotNull(message = "{portal.error.choose}")
	private Theme theme;

	@NotNull(message = "{portal.error.choose}")
	private Reach reach;

	@Size(max = PLACE_MAX, message = "{portal.error.tooLong}")
	@Pattern(regexp = "[^\\p{Cntrl}]*", message = "{portal.error.oneLine}")
	private String place;

	@Size(max = IdeaRules.NAME_MAX, message = "{portal.error.tooLong}")
	@Pattern(regexp = "[^\\p{Cntrl}]*", message = "{portal.error.oneLine}")
	private String name;

	@Size(max = IdeaRules.EMAIL_MAX, message = "{portal.error.tooLong}")
	@Pattern(regexp = "|[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+", message = "{portal.error.email}")
	private String email;

	@AssertTrue(message = "{portal.error.consent}")
	private boolean consent;

	private boolean publicBoard;

	/**
	 * Made when the form is shown: sending the same form twice (a double click, a reload)
	 * makes one idea.
	 */
	@Pattern(regexp = "[A-Za-z0-9-]{1,100}", message = "{portal.error.expired}")
	private String submissionKey;

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Theme getTheme() {
		return theme;
	}

	public void setTheme(Theme theme) {
		this.theme = theme;
	}

	public Reach getReach() {
		return reach;
	}

	public void setReach(Reach reach) {
		this.reach = reach;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public boolean isConsent() {
		return consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

	public boolean isPublicBoard() {
		return publicBoard;
	}

	public void setPublicBoard(boolean publicBoard) {
		this.publicBoard = publicBoard;
	}

	public String getSubmissionKey() {
		return submissionKey;
	}

	public void setSubmissionKey(String submissionKey) {
		this.submissionKey = submissionKey;
	}

}
