package city.ideatoservice.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/**
 * The validator against one small form per kind of field and rule
 * (src/test/resources/forms-fixtures), with the message a person reads in Tasklist.
 */
class FormValidatorTest {

	static final LocalDate TODAY = LocalDate.of(2027, 1, 15);

	final FormValidator validator = new FormValidator(() -> TODAY);

	static CamundaForm fixture(String name) {
		return CamundaForm.read(FormValidatorTest.class.getResourceAsStream("/forms-fixtures/" + name + ".form"));
	}

	static Map<String, Object> values(Object... keyValues) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			values.put((String) keyValues[i], keyValues[i + 1]);
		}
		return values;
	}

	FormValidator.Result accepted(String form, Object... keyValues) {
		return validator.validate(fixture(form), values(keyValues));
	}

	/** The message of the refusal, after checking the refusal names the field. */
	String refused(String form, String field, Object... keyValues) {
		List<String> message = new ArrayList<>();
		assertThatThrownBy(() -> validator.validate(fixture(form), values(keyValues)))
			.isInstanceOf(FormFieldValidationException.class)
			.satisfies(refusal -> {
				assertThat(((FormFieldValidationException) refusal).<Object>getDetail()).isEqualTo(field);
				message.add(refusal.getMessage());
			});
		return message.get(0);
	}

	static List<Map<String, Object>> options(String... values) {
		List<Map<String, Object>> options = new ArrayList<>();
		for (String value : values) {
			options.add(Map.of("label", "Session " + value, "value", value));
		}
		return options;
	}

	@Test
	void aLabelWrittenAsAnExpressionIsNamedAsShown() {
		assertThat(refused("label-expression", "score", "scoreName", "Impact (weight 60)", "score", 11))
			.isEqualTo("Impact (weight 60) must be at most 10.");
		assertThat(refused("label-expression", "entries", "scoreName", "Impact (weight 60)", "score", 3, "entries",
				List.of(Map.of("entryScore", 12))))
			.isEqualTo("Entries, entry 1: Impact (weight 60) must be at most 10.");
		assertThat(refused("label-expression", "score", "scoreName", null)).isEqualTo("score is required.");
	}

	@Test
	void requiredFieldsNeedAValueThatIsNotBlank() {
		assertThat(refused("required", "councilSessionId", "draftActText", "The act"))
			.isEqualTo("Council session is required.");
		assertThat(refused("required", "councilSessionId", "councilSessionId", "", "draftActText", "The act"))
			.isEqualTo("Council session is required.");
		assertThat(refused("required", "draftActText", "councilSessionId", "7", "sessionOptions", options("7"),
				"draftActText", "  "))
			.isEqualTo("Draft act is required.");

		accepted("required", "councilSessionId", "7", "sessionOptions", options("7"), "draftActText", "The act");
	}

	@Test
	void numbersKeepTheirLimitsAndDecimalPlaces() {
		assertThat(refused("number", "estimatedBudget", "estimatedBudget", 10_000_000.01))
			.isEqualTo("Estimated prototype budget must be at most 10,000,000.");
		assertThat(refused("number", "estimatedBudget", "estimatedBudget", -1))
			.isEqualTo("Estimated prototype budget must be at least 0.");
		assertThat(refused("number", "estimatedBudget", "estimatedBudget", 4500.555))
			.isEqualTo("Estimated prototype budget must have at most 2 decimal places.");
		assertThat(refused("number", "estimatedBudget", "estimatedBudget", "a lot"))
			.isEqualTo("Estimated prototype budget must be a number.");
		assertThat(refused("number", "approvedAmount", "estimatedBudget", 100, "approvedAmount", 0))
			.isEqualTo("Amount you approve must be at least 0.01.");
		assertThat(refused("number", "votesFor", "estimatedBudget", 100, "votesFor", 2.5))
			.isEqualTo("For must be a whole number.");
		// a limit can be a FEEL expression: here the seats of the council
		assertThat(refused("number", "votesFor", "estimatedBudget", 100, "votesFor", 42, "seats", 41))
			.isEqualTo("For must be at most 41.");
		assertThat(refused("number", "tickets", "estimatedBudget", 100, "tickets", 7))
			.isEqualTo("Tickets must be a multiple of 5.");

		// as Tasklist sends them (Integer, Double) and as a REST client may (a numeric
		// String)
		accepted("number", "estimatedBudget", 4500, "approvedAmount", 0.01, "votesFor", 41, "seats", 41, "tickets", 10);
		accepted("number", "estimatedBudget", "4500.50", "votesFor", 30L, "seats", 41);
	}

	@Test
	void textsKeepTheirLength() {
		assertThat(refused("text-length", "reason", "reason", "Too short"))
			.isEqualTo("Reason must have at least 10 characters.");
		assertThat(refused("text-length", "reason", "reason", "x".repeat(2001)))
			.isEqualTo("Reason must have at most 2,000 characters.");
		assertThat(refused("text-length", "reason", "reason", 12345678901L)).isEqualTo("Reason must be text.");

		accepted("text-length", "reason", "  Long enough, and the spaces around do not count.  ");
		accepted("text-length", "reason", "x".repeat(2000));
	}

	@Test
	void aPatternIsExplainedByTheFieldsDescriptionWhenItHasOne() {
		assertThat(refused("pattern", "webAddress", "webAddress", "ftp://city.example"))
			.isEqualTo("Web address must match the pattern ^https?://[^\\s]+$.");
		assertThat(refused("pattern", "link", "link", "city.example/press"))
			.isEqualTo("Link: A web address starting with https://.");

		accepted("pattern", "webAddress", "https://city.example", "link", "http://city.example/press");
	}

	@Test
	void formatsNameTheFieldAndSayWhatToGiveInWordsNotAsAPattern() {
		for (String wrong : List.of("city.example/press", "ftp://city.example", "https://", "https://city example.org",
				"javascript:alert(1)")) {
			assertThat(refused("formats", "announcementLink", "announcementLink", wrong)).as(wrong)
				.isEqualTo("Announcement link: give a web address starting with https:// (or http://), without spaces,"
						+ " e.g. https://www.city.example/service.");
		}
		assertThat(refused("formats", "title", "title", "Bike\tlanes"))
			.isEqualTo("Title: write it on one line, without tabs or line breaks.");
		assertThat(refused("formats", "keywords", "keywords", "parking, " + "x".repeat(51)))
			.isEqualTo("Keywords: '" + "x".repeat(51) + "' is longer than 50 characters; separate keywords by commas.");
		assertThat(refused("formats", "keywords", "keywords", "a,".repeat(20) + "b"))
			.isEqualTo("Keywords: give at most 20 keywords, separated by commas.");
		assertThat(refused("formats", "duplicateOf", "duplicateOf", "2026-000123"))
			.isEqualTo("Reference of the existing idea: give an idea's reference like IDEA-2027-000123.");

		accepted("formats", "announcementLink", " https://city.example/press?id=7 ", "title", "Bike lanes", "keywords",
				"parking, bicycles,, mobility", "duplicateOf", "IDEA-2026-000123", "odd", "anything");
		accepted("formats", "announcementLink", "http://city.example");
		assertThat(validator.problems(fixture("formats")))
			.containsExactly("Form 'formats', field 'Odd': the format 'colour' is not known"
					+ " (date, ideaReference, keywords, oneLine, url).");
	}

	@Test
	void noShippedFormShowsARegularExpression() throws IOException {
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
				assertThat(Files.readString(form)).as(form.toString()).doesNotContain("\"pattern\"");
			}
		}
	}

	@Test
	void eMailAddressesAndPhoneNumbers() {
		assertThat(refused("validation-type", "email", "email", "not-an-address"))
			.isEqualTo("E-mail must be a valid e-mail address.");
		assertThat(refused("validation-type", "phone", "phone", "030 1234"))
			.isEqualTo("Phone must be a valid international phone number like +4930664040900.");

		accepted("validation-type", "email", "opendata@city.example", "phone", "+4930664040900");
	}

	@Test
	void choicesAreTheFormsValuesTheOptionsOfAVariableOrAnExpression() {
		assertThat(refused("choices", "theme", "theme", "PARKS"))
			.isEqualTo("'PARKS' is not one of the choices for Theme.");
		assertThat(refused("choices", "reach", "reach", "WORLD"))
			.isEqualTo("'WORLD' is not one of the choices for Who would benefit.");
		// a checklist as Tasklist sends it: a Json list
		assertThat(refused("choices", "departments", "departments",
				JsonVariables.list(List.of("dept-mobility", "dept-parks"))))
			.isEqualTo("'dept-parks' is not one of the choices for Departments.");
		assertThat(refused("choices", "departments", "departments", "dept-mobility"))
			.isEqualTo("Departments must be a list.");
		assertThat(refused("choices", "keywords", "keywords", List.of("tram")))
			.isEqualTo("'tram' is not one of the choices for Keywords.");
		// valuesKey: the options a create listener put in a variable, as a Java list or
		// as Json
		assertThat(refused("choices", "councilSessionId", "councilSessionId", "9", "sessionOptions", options("7", "8")))
			.isEqualTo("'9' is not one of the choices for Council session.");
		assertThat(refused("choices", "councilSessionId", "councilSessionId", "9", "sessionOptions",
				JsonVariables.list(options("7", "8"))))
			.isEqualTo("'9' is not one of the choices for Council session.");
		assertThat(refused("choices", "councilSessionId", "councilSessionId", "9")).as("no options, no choice")
			.isEqualTo("'9' is not one of the choices for Council session.");
		// valuesExpression: options computed by FEEL
		assertThat(refused("choices", "committee", "committee", "PARKS", "committees", List.of("FINANCE", "CULTURE")))
			.isEqualTo("'PARKS' is not one of the choices for Committee.");

		accepted("choices", "theme", "CULTURE", "reach", "CITY", "departments",
				JsonVariables.list(List.of("dept-mobility", "dept-culture")), "keywords", List.of("bus"),
				"councilSessionId", "8", "sessionOptions", JsonVariables.list(options("7", "8")), "committee",
				"FINANCE", "committees", List.of("FINANCE", "CULTURE"));
		accepted("choices", "councilSessionId", "7", "sessionOptions", options("7", "8"), "departments", List.of());
	}

	@Test
	void datesAreIsoDaysAndMayNotLieInThePast() {
		assertThat(refused("dates", "startDate", "startDate", "31.03.2027"))
			.isEqualTo("Start date must be a date like 2027-03-31.");
		assertThat(refused("dates", "startDate", "startDate", "2027-02-30"))
			.isEqualTo("Start date must be a date like 2027-03-31.");
		assertThat(refused("dates", "startDate")).isEqualTo("Start date is required.");
		assertThat(refused("dates", "sessionDate", "startDate", "2027-03-31", "sessionDate", "2027-01-14"))
			.isEqualTo("Session date must not be in the past.");

		accepted("dates", "startDate", "2027-03-31", "sessionDate", TODAY.toString());
	}

	@Test
	void aTypedDateIsDayMonthYearStoredAsIsoAndNeverAnotherDay() {
		// what a person types in a European city, whatever the browser's language
		FormValidator.Result typed = accepted("typed-dates", "effectiveDate", "15.01.2027", "sessionDate", "1.2.2027");
		assertThat(typed.normalized()).containsEntry("effectiveDate", "2027-01-15")
			.containsEntry("sessionDate", "2027-02-01");
		assertThat(accepted("typed-dates", "effectiveDate", "2027-01-15").normalized()).as("ISO is kept as it is")
			.isEmpty();

		// a day that does not exist, the US order, or a picker's month overflow: refused,
		// never another day
		for (String wrong : List.of("31.02.2027", "01/15/2027", "15.13.2027", "2027-15-01", "tomorrow")) {
			assertThat(refused("typed-dates", "effectiveDate", "effectiveDate", wrong)).as(wrong)
				.isEqualTo("Effective date: give the date as day.month.year, e.g. 29.01.2027.");
		}
		assertThat(refused("typed-dates", "sessionDate", "effectiveDate", "15.01.2027", "sessionDate", "14.01.2027"))
			.isEqualTo("Session date: 14.01.2027 has passed; give today (15.01.2027) or a later day.");
		assertThat(refused("typed-dates", "effectiveDate", "effectiveDate", "15.01.2207"))
			.isEqualTo("Effective date: 15.01.2207 is more than 10 years ahead; check the date (day.month.year).");

		// inside a dynamic list: each entry's date as ISO
		FormValidator.Result listed = accepted("typed-dates", "effectiveDate", "15.01.2027", "milestones",
				JsonVariables.list(List.of(Map.of("dueDate", "31.03.2027"), Map.of("dueDate", "2027-04-30"))));
		assertThat(listed.cleanedLists().get("milestones")).containsExactly(Map.of("dueDate", "2027-03-31"),
				Map.of("dueDate", "2027-04-30"));
		assertThat(refused("typed-dates", "milestones", "effectiveDate", "15.01.2027", "milestones",
				JsonVariables.list(List.of(Map.of("dueDate", "10.01.2027")))))
			.isEqualTo("Milestones, entry 1: Due date: 10.01.2027 has passed; give today (15.01.2027) or a later day.");
	}

	@Test
	void theEntriesOfADynamicListAreCheckedFieldByField() {
		assertThat(refused("dynamic-list", "milestones", "milestones",
				JsonVariables
					.list(List.of(Map.of("title", "Prototype", "dueDate", "2027-03-31"), Map.of("title", "Pilot")))))
			.isEqualTo("Milestones, entry 2: Due date is required.");
		assertThat(refused("dynamic-list", "milestones", "milestones",
				List.of(Map.of("title", "Prototype", "dueDate", "2027-03-31", "owner", "dept-parks"))))
			.isEqualTo("Milestones, entry 1: 'dept-parks' is not one of the choices for Owner department.");
		assertThat(refused("dynamic-list", "milestones", "milestones", "Prototype"))
			.isEqualTo("Milestones must be a list of entries.");
		// a condition inside an entry sees the entry as "this"
		assertThat(refused("dynamic-list", "milestones", "milestones",
				List.of(Map.of("title", "Exhibition", "dueDate", "2027-03-31", "owner", "dept-culture"))))
			.isEqualTo("Milestones, entry 1: Budget note is required.");

		FormValidator.Result result = accepted("dynamic-list", "milestones",
				JsonVariables.list(List.of(
						Map.of("title", "Prototype", "dueDate", "2027-03-31", "owner", "dept-mobility", "budgetNote",
								"typed, then hidden"),
						Map.of("title", "Exhibition", "dueDate", "2027-04-30", "owner", "dept-culture", "budgetNote",
								"Own budget"))));
		assertThat(result.cleanedLists().get("milestones")).as("the hidden field of entry 1 is not kept")
			.containsExactly(Map.of("title", "Prototype", "dueDate", "2027-03-31", "owner", "dept-mobility"),
					Map.of("title", "Exhibition", "dueDate", "2027-04-30", "owner", "dept-culture", "budgetNote",
							"Own budget"));
		assertThat(accepted("dynamic-list", "milestones", JsonVariables.list(List.of())).cleanedLists()).isEmpty();
	}

	@Test
	void fieldsInGroupsAreCheckedAndAHiddenGroupHidesItsFields() {
		assertThat(refused("groups", "sessionPlace", "codesignOutcome", "NO_VIABLE_SOLUTION"))
			.isEqualTo("Place is required.");
		assertThat(refused("groups", "fundingSource", "sessionPlace", "City hall", "codesignOutcome", "VIABLE"))
			.isEqualTo("How is the prototype funded? is required.");

		FormValidator.Result result = accepted("groups", "sessionPlace", "City hall", "codesignOutcome",
				"NO_VIABLE_SOLUTION", "fundingSource", "NEW_FUNDING");
		assertThat(result.hidden()).containsExactly("fundingSource");
	}

	@Test
	void aHiddenFieldIsNeitherRequiredNorKept() {
		assertThat(refused("hidden", "publicReason", "decision", "REJECT"))
			.isEqualTo("Reason for rejection is required.");
		assertThat(refused("hidden", "publicReason", "decision", "REJECT", "publicReason", "x".repeat(21)))
			.isEqualTo("Reason for rejection must have at most 20 characters.");

		FormValidator.Result accept = accepted("hidden", "decision", "ACCEPT", "publicReason", "x".repeat(21));
		assertThat(accept.hidden()).as("to be removed, not checked").containsExactly("publicReason");
		assertThat(accepted("hidden", "decision", "REJECT", "publicReason", "Out of scope").hidden()).isEmpty();
	}

	@Test
	void disabledAndReadOnlyFieldsAreNotInput() {
		accepted("disabled", "ideaReference", "not a reference", "decision", "ACCEPT");
		assertThat(refused("disabled", "question", "decision", "ASK")).isEqualTo("Question is required.");
	}

	@Test
	void aRequiredCheckboxMustBeTicked() {
		assertThat(refused("checkbox", "confirmed", "confirmed", false))
			.isEqualTo("The data is anonymised is required.");
		assertThat(refused("checkbox", "confirmed", "confirmed", "yes"))
			.isEqualTo("The data is anonymised must be true or false.");

		accepted("checkbox", "confirmed", true);
	}

	@Test
	void whatTheServerCannotCheckIsReportedNamingFormAndField() {
		assertThat(validator.problems(fixture("expressions"))).satisfiesExactly(
				problem -> assertThat(problem)
					.startsWith("Form 'expressions', field 'Broken': cannot evaluate '=decision = = \"X\"'"),
				problem -> assertThat(problem)
					.startsWith("Form 'expressions', field 'Unknown function': cannot evaluate '=nosuchfunction(3)'"),
				problem -> assertThat(problem).isEqualTo(
						"Form 'expressions', field 'Attachment': a field of type 'filepicker' is not checked on the server."));
	}

	@Test
	void theShippedFormsHaveNothingTheServerCannotCheck() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
				try (InputStream in = Files.newInputStream(form)) {
					problems.addAll(validator.problems(CamundaForm.read(in)));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

}
