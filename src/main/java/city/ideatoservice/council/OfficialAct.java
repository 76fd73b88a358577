package city.ideatoservice.council;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An act the council adopted, with the directive that put the service into the city's
 * standard procedures.
 */
@Table("official_act")
public record OfficialAct(@Id String actNumber, int actYear, int actSequence, String ideaReference, String title,
		LocalDate adoptedOn, Long sessionId, String directiveReference, String directiveDepartments,
		LocalDate directiveEffectiveDate, String amendedProcedure,
		@Transient @JsonIgnore boolean isNew) implements Persistable<String> {

	@PersistenceCreator
	public OfficialAct(String actNumber, int actYear, int actSequence, String ideaReference, String title,
			LocalDate adoptedOn, Long sessionId, String directiveReference, String directiveDepartments,
			LocalDate directiveEffectiveDate, String amendedProcedure) {
		this(actNumber, actYear, actSequence, ideaReference, title, adoptedOn, sessionId, directiveReference,
				directiveDepartments, directiveEffectiveDate, amendedProcedure, false);
	}

	OfficialAct withDirective(String reference, String departments, LocalDate effective, String procedure) {
		return new OfficialAct(actNumber, actYear, actSequence, ideaReference, title, adoptedOn, sessionId, reference,
				departments, effective, procedure, false);
	}

	@Override
	@JsonIgnore
	public String getId() {
		return actNumber;
	}

	@Override
	@JsonIgnore
	public boolean isNew() {
		return isNew;
	}

}
