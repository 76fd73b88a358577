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
 * A citizen's idea as the portal sends it. Text is kept as typed and never rendered as
 * HTML.
 */
record IdeaSubmissionRequest(
		@NotBlank(message = "Please give your idea a title.") @Size(max = IdeaRules.TITLE_MAX,
				message = "The title can have at most {max} characters.") @Pattern(regexp = "[^\\p{Cntrl}]*",
						message = "The title must be a single line of text.") String title,

		@NotBlank(message = "Please describe your idea.") @Size(max = IdeaRules.DESCRIPTION_MAX,
				message = "The description can have at most {max} characters.") String description,

		@NotNull(
				message = "Please choose a theme: MOBILITY, ENVIRONMENT, SOCIAL, URBAN_PLANNING, CULTURE or OTHER.") Theme theme,

		@NotNull(message = "Please say who would benefit: NEIGHBOURHOOD, DISTRICT or CITY.") Reach reach,

		@Size(max = IdeaRules.NAME_MAX, message = "Your name can have at most {max} characters.") @Pattern(
				regexp = "[^\\p{Cntrl}]*", message = "Your name must be a single line of text.") String name,

		@Size(max = IdeaRules.EMAIL_MAX, message = "The e-mail address can have at most {max} characters.") @Pattern(
				regexp = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+",
				message = "Please give an e-mail address like name@example.org.") String email,

		@Size(max = IdeaForm.PLACE_MAX, message = "The place can have at most {max} characters.") @Pattern(
				regexp = "[^\\p{Cntrl}]*", message = "The place must be a single line of text.") String place,

		/**
		 * Whether the idea may appear on the public board once screened; not unless
		 * asked.
		 */
		Boolean publicBoard,

		/**
		 * The privacy notice (/privacy) accepted: needed with a name or an e-mail
		 * address.
		 */
		Boolean privacyConsent) {

	@AssertTrue(message = "Please accept the privacy notice (/privacy) to send your name or e-mail address:"
			+ " set privacyConsent to true, or leave both out.")
	boolean isPrivacyConsent() {
		boolean personal = (name != null && !name.isBlank()) || (email != null && !email.isBlank());
		return !personal || Boolean.TRUE.equals(privacyConsent);
	}

}
