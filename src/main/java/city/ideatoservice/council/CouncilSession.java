package city.ideatoservice.council;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A date in the council's calendar: a session of the council or of a committee, with its
 * number of seats.
 */
@Table("council_session")
public record CouncilSession(@Id Long id, String body, LocalDate sessionDate, int seats, String title) {

	public static final String COUNCIL = "COUNCIL";

	public static final String COMMITTEE = "COMMITTEE";

	public String label() {
		return sessionDate + " " + (title != null ? title : COUNCIL.equals(body) ? "City council" : "Committee");
	}

}
