package city.ideatoservice.commitment;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The city's public commitment after a viable co-design: the public moment (press
 * conference, event, web post), the politician who commits (name and office), the date
 * and what was promised. Public facts of the idea.
 */
@Table("public_commitment")
public record PublicCommitment(@JsonIgnore @Id Long id, @JsonIgnore Long ideaId, Moment moment, String sponsorName,
		String sponsorOffice, LocalDate commitmentDate, String promise, @JsonIgnore Instant recordedAt) {

	public enum Moment {

		PRESS_CONFERENCE, EVENT, WEB_POST

	}

}
