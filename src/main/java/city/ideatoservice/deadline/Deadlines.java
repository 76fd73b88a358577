package city.ideatoservice.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The models' deadlines, e.g. {@code camunda:dueDate="${deadlines.due('screen-idea')}"} and a timeout listener's
 * timer {@code ${deadlines.reminder('screen-idea')}}. Values come from {@link DeadlineProperties}; the engine's clock
 * is used so that process tests can move time.
 */
@Component("deadlines")
public class Deadlines {

	private final DeadlineProperties properties;

	Deadlines(DeadlineProperties properties) {
		this.properties = properties;
	}

	public Date due(String task) {
		return Date.from(ClockUtil.getCurrentTime().toInstant().plus(properties.of(task).due()));
	}

	public String reminder(String task) {
		return properties.of(task).reminder().toString();
	}

	public String escalation(String task) {
		return properties.of(task).escalation().toString();
	}

	public String questionTimeout() {
		return properties.questionTimeout().toString();
	}

	public String followUpAfterLaunch() {
		return properties.followUpAfterLaunch().toString();
	}

	/** A milestone's checkpoint is due at the start of its due date; the reminder goes then. */
	public Date checkpointReminder(String milestoneDue) {
		return startOf(milestoneDue);
	}

	public Date checkpointEscalation(String milestoneDue) {
		Duration after = properties.checkpointEscalationAfterDue();
		return Date.from(startOf(milestoneDue).toInstant().plus(after));
	}

	private static Date startOf(String isoDate) {
		return Date.from(LocalDate.parse(isoDate).atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

}
