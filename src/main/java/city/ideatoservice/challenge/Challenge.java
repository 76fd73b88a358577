package city.ideatoservice.challenge;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import city.ideatoservice.idea.Theme;

/**
 * An open-innovation challenge: a problem of one sector put to citizens and entrepreneurs
 * for a submission window, judged by a jury, its winners followed up as ideas.
 */
@Table("challenge")
public record Challenge(@Id Long id, String reference, String title, Theme sector, String problemStatement,
		ChallengeFormat format, LocalDate opensOn, LocalDate closesOn, ChallengeStatus status, String publicText,
		String publicNote, String processInstanceId, String createdBy, Instant createdAt, Instant updatedAt,
		@Version Integer version) {

}
