package city.ideatoservice.jury;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The jury's deadlines and batch size: a juror scores at most {@code batchSize} entries
 * on one sheet; scoring is due {@code scoringPeriod} after the window closed; late jurors
 * are reminded then, and the chair decides {@code graceAfterReminder} later whether to
 * close scoring without them. An external juror's link works for {@code linkValidity}
 * after it was sent (and up to any later deadline the chair sets).
 */
@ConfigurationProperties("idea-to-service.jury")
public record JuryProperties(int batchSize, Period scoringPeriod, Duration graceAfterReminder, Duration linkValidity) {

	public JuryProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException("idea-to-service.jury.batch-size must be at least 1");
		}
	}

	/** For the model's timer (ISO 8601). */
	public String grace() {
		return graceAfterReminder.toString();
	}

}
