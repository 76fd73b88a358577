package city.ideatoservice.screening;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A question the screener asked the citizen, and the answer once it came. */
@Table("citizen_question")
public record CitizenQuestion(@Id Long id, Long ideaId, String question, Instant askedAt, String answer,
		Instant answeredAt) {

	CitizenQuestion answered(String text, Instant at) {
		return new CitizenQuestion(id, ideaId, question, askedAt, text, at);
	}

}
