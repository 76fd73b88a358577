package city.ideatoservice.organisation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The city's organisation as the forms and models use it: departments (keyed by id, e.g.
 * {@code mobility}), the council's committees, the co-design session formats and the
 * formats a dataset is published in. Checked at start: an entry without a name stops the
 * application with the setting's name in the message.
 */
@Validated
@ConfigurationProperties("idea-to-service.organisation")
public record OrganisationProperties(@NotEmpty Map<String, @NotNull @Valid DepartmentSettings> departments,
		@NotEmpty List<@NotNull @Valid Choice> committees, @NotEmpty List<@NotNull @Valid Choice> sessionFormats,
		@NotEmpty List<@NotNull @Valid Choice> datasetFormats) {

	/**
	 * A department: its name in the Tasklist (English) and on the citizens' pages
	 * (German), and its prototype budget for the current year in euros.
	 */
	public record DepartmentSettings(@NotBlank String name, @NotBlank String nameDe,
			@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal yearlyBudget) {
	}

	/**
	 * One of the values a form offers: the id the process keeps and the name people see.
	 */
	public record Choice(@NotBlank String id, @NotBlank String name) {
	}

	public OrganisationProperties {
		// the order of the settings is the order in the forms; unmodifiable views keep
		// nulls for validation to report
		departments = departments == null ? Map.of() : Collections.unmodifiableMap(departments);
		committees = committees == null ? List.of() : Collections.unmodifiableList(committees);
		sessionFormats = sessionFormats == null ? List.of() : Collections.unmodifiableList(sessionFormats);
		datasetFormats = datasetFormats == null ? List.of() : Collections.unmodifiableList(datasetFormats);
	}

	static List<String> ids(List<Choice> choices) {
		return choices.stream().map(Choice::id).toList();
	}

	public List<String> committeeIds() {
		return ids(committees);
	}

	public List<String> sessionFormatIds() {
		return ids(sessionFormats);
	}

	public List<String> datasetFormatIds() {
		return ids(datasetFormats);
	}

}
