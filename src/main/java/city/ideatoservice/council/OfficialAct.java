package city.ideatoservice.council;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An act of the register, adopted by the council in a session ({@link #COUNCIL_ACT}) or
 * signed by the mayor's office ({@link #MAYORAL_DECREE}, no session), with the directive
 * that put the service into the city's standard procedures.
 */
@Table("official_act")
public record OfficialAct(@Id String actNumber, int actYear, int actSequence, String ideaReference, String title,
		LocalDate adoptedOn, Long sessionId, String directiveReference, String directiveDepartments,
		LocalDate directiveEffectiveDate, String amendedProcedure, String actKind, String actText,
		@Transient @JsonIgnore boolean isNew) implements Persistable<String> {

	public static final String COUNCIL_ACT = "COUNCIL_ACT";

	public static final String MAYORAL_DECREE = "MAYORAL_DECREE";

	@PersistenceCreator
	public OfficialAct(String actNumber, int actYear, int actSequence, String ideaReference, String title,
			LocalDate adoptedOn, Long sessionId, String directiveReference, String directiveDepartments,
			LocalDate directiveEffectiveDate, String amendedProcedure, String actKind, String actText) {
		this(actNumber, actYear, actSequence, ideaReference, title, adoptedOn, sessionId, directiveReference,
				directiveDepartments, directiveEffectiveDate, amendedProcedure, actKind, actText, false);
	}

	/** A council act, without its text. */
	public OfficialAct(String actNumber, int actYear, int actSequence, String ideaReference, String title,
			LocalDate adoptedOn, Long sessionId, String directiveReference, String directiveDepartments,
			LocalDate directiveEffectiveDate, String amendedProcedure, boolean isNew) {
		this(actNumber, actYear, actSequence, ideaReference, title, adoptedOn, sessionId, directiveReference,
				directiveDepartments, directiveEffectiveDate, amendedProcedure, COUNCIL_ACT, null, isNew);
	}

	/** Marked in the register: a decree of the mayor's office. */
	public boolean isDecree() {
		return MAYORAL_DECREE.equals(actKind);
	}

	OfficialAct withDirective(String reference, String departments, LocalDate effective, String procedure) {
		return new OfficialAct(actNumber, actYear, actSequence, ideaReference, title, adoptedOn, sessionId, reference,
				departments, effective, procedure, actKind, actText, false);
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
