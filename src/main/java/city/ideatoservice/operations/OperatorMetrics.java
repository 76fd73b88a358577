package city.ideatoservice.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import city.ideatoservice.deadline.TaskDeadlinePassed;
import city.ideatoservice.idea.IdeaRegistered;
import city.ideatoservice.idea.IdeaStatusChanged;
import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.notification.Notifications;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What operators watch (Prometheus at /actuator/prometheus, behind their login): ideas
 * submitted and per status, open and overdue tasks per group, reminders and escalations,
 * incidents, mails waiting and failing, and the time ideas spend in each stage.
 * <p>
 * Gauges read the database at most once per {@code snapshot-ttl} however many series a
 * scrape reads; counters and the stage timer count only what committed.
 */
@Component
class OperatorMetrics implements MeterBinder {

	/** Stage durations are days to months: buckets an alert rule can name. */
	private static final Duration[] STAGE_BUCKETS = { Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(14),
			Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(365) };

	private final JdbcClient jdbc;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final List<String> groups;

	private final Duration snapshotTtl;

	private final Clock clock;

	private MeterRegistry registry;

	private Counter submitted;

	private volatile Snapshot snapshot;

	OperatorMetrics(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, Departments departments,
			@Value("${idea-to-service.metrics.snapshot-ttl:PT15S}") Duration snapshotTtl) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.runtime = runtime;
		this.groups = Groups.all(departments);
		this.snapshotTtl = snapshotTtl;
		this.clock = Clock.systemUTC();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.submitted = Counter.builder("ideas.submitted")
			.description("Ideas registered, from the portal, the API and the innovation office")
			.register(registry);
		for (PublicStatus status : PublicStatus.values()) {
			Gauge.builder("ideas.by.status", () -> snapshot().ideas().getOrDefault(status, 0L))
				.description("Ideas whose public status is this one now")
				.tag("status", status.name())
				.register(registry);
		}
		for (String group : groups) {
			Gauge.builder("tasks.open", () -> snapshot().open().getOrDefault(group, 0L))
				.description("Open user tasks a group may work on, claimed or not")
				.tag("group", group)
				.register(registry);
			Gauge.builder("tasks.overdue", () -> snapshot().overdue().getOrDefault(group, 0L))
				.description("Open user tasks of a group past their due date")
				.tag("group", group)
				.register(registry);
		}
		Gauge.builder("incidents.open", () -> snapshot().incidents())
			.description("Open incidents: jobs that failed all their retries")
			.register(registry);
		Gauge.builder("mails.queued", () -> snapshot().mailsQueued())
			.description("E-mails waiting for their job")
			.register(registry);
		Gauge.builder("mails.failed", () -> snapshot().mailsFailed())
			.description("E-mails whose job failed all its retries (an incident each)")
			.register(registry);
	}

	@EventListener
	void onIdeaRegistered(IdeaRegistered registered) {
		afterCommit(() -> submitted.increment());
	}

	@EventListener
	void onDeadlinePassed(TaskDeadlinePassed passed) {
		afterCommit(() -> Counter.builder("task.deadlines.passed")
			.description("Reminders and escalations of user tasks")
			.tag("kind", passed.kind().name())
			.register(registry)
			.increment());
	}

	/** The time the idea spent in the status it leaves now. */
	@EventListener
	void onStatusChanged(IdeaStatusChanged changed) {
		if (changed.noteOnly()) {
			return;
		}
		List<StatusSince> lastTwo = jdbc
			.sql("select status, changed_at from idea_status_change where idea_id = ? "
					+ "order by changed_at desc, id desc limit 2")
			.param(changed.ideaId())
			.query((rs, row) -> new StatusSince(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		if (lastTwo.size() < 2) {
			return;
		}
		StatusSince left = lastTwo.get(1);
		Duration spent = Duration.between(left.since(), lastTwo.get(0).since());
		afterCommit(() -> Timer.builder("idea.stage.duration")
			.description("Time an idea spent in a public status before it moved on")
			.tag("stage", left.status())
			.serviceLevelObjectives(STAGE_BUCKETS)
			.register(registry)
			.record(spent));
	}

	private Snapshot snapshot() {
		Snapshot current = snapshot;
		Instant now = clock.instant();
		if (current != null && current.takenAt().plus(snapshotTtl).isAfter(now)) {
			return current;
		}
		current = take(now);
		snapshot = current;
		return current;
	}

	private Snapshot take(Instant now) {
		Map<PublicStatus, Long> ideas = new EnumMap<>(PublicStatus.class);
		jdbc.sql("select status, count(*) from idea group by status")
			.query((rs, row) -> ideas.put(PublicStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		Map<String, Long> open = new HashMap<>();
		Map<String, Long> overdue = new HashMap<>();
		for (String group : groups) {
			open.put(group, tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count());
			overdue.put(group,
					tasks.createTaskQuery()
						.taskCandidateGroup(group)
						.includeAssignedTasks()
						.dueBefore(Date.from(now))
						.count());
		}
		long incidents = runtime.createIncidentQuery().count();
		long mailsFailed = runtime.createIncidentQuery().processDefinitionKeyIn(Notifications.PROCESS_KEY).count();
		long mailsQueued = jdbc.sql("select count(*) from notification where status = 'PENDING'")
			.query(Long.class)
			.single();
		return new Snapshot(now, ideas, open, overdue, incidents, mailsQueued, mailsFailed);
	}

	private static void afterCommit(Runnable record) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					record.run();
				}
			});
		}
		else {
			record.run();
		}
	}

	private record StatusSince(String status, Instant since) {
	}

	private record Snapshot(Instant takenAt, Map<PublicStatus, Long> ideas, Map<String, Long> open,
			Map<String, Long> overdue, long incidents, long mailsQueued, long mailsFailed) {
	}

}
