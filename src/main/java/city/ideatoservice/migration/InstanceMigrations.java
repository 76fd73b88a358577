package city.ideatoservice.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of a model's older versions to its newest version (issue
 * 19), with the engine's migration API, as the user who asks (their authorizations apply:
 * MIGRATE_INSTANCE on the versions, creating a migration batch).
 * <p>
 * For each older version that still has running instances, the plan maps equal activity
 * ids (events recreated from the newest version), replaced or completed by the
 * instructions of {@link MigrationInstructions}. The plan is validated, then each
 * instance is tried on its own in a transaction that is rolled back, so the page shows
 * which instances can move and, for the others, where they wait and why not. On
 * confirmation only the instances that can move go into one batch per version (one
 * instance per batch job, each moved in a transaction of its own): an instance never
 * moves in part, and one that cannot move stays on its version. A batch job that fails
 * (an instance changed in the meantime) becomes an incident for the operators.
 * <p>
 * Instances of called processes are other process definitions: they are migrated by their
 * own key.
 */
@Service
public class InstanceMigrations {

	/** A version of a model, as the page names it. */
	public record Version(String definitionId, int number, String tag, String deployed, long running) {

		public String label() {
			return "version " + number + (tag == null || tag.isBlank() ? "" : " (tag " + tag + ")");
		}

	}

	/** An instance that cannot move, where it waits and why. */
	public record Blocked(String instanceId, String businessKey, String where, List<String> reasons) {
	}

	/** The plan from one older version to the newest, checked instance by instance. */
	public record VersionPlan(Version from, String instructionFile, boolean instructionFilePresent, String about,
			List<String> mappings, List<String> notInNewest, List<String> planProblems, List<String> movable,
			List<Blocked> blocked, MigrationPlan plan) {

		public int movableCount() {
			return movable.size();
		}

	}

	/** What the page shows for a key before anything moves. */
	public record Preview(String key, String name, Version newest, List<VersionPlan> versions) {

		public int movableCount() {
			return versions.stream().mapToInt(VersionPlan::movableCount).sum();
		}

		public int blockedCount() {
			return versions.stream().mapToInt(version -> version.blocked().size()).sum();
		}

	}

	/**
	 * A model on the overview: its newest version and how many instances run on older
	 * ones.
	 */
	public record Model(String key, String name, Version newest, long runningOnNewest, long runningOnOlder) {
	}

	/**
	 * A migration that was started, with its batch's progress and where its instances are
	 * now.
	 */
	public record Run(long id, String key, String fromVersion, String toVersion, String batchId, int instances,
			int leftBehind, String startedBy, Instant startedAt, String state, long jobsDone, long jobsTotal,
			long failedJobs, List<String> failures, long moved, long ended, List<String> stillOnOld) {

		/** When it started, day.month.year and time. */
		public String when() {
			return java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm")
				.format(startedAt.atZone(java.time.ZoneId.systemDefault()));
		}

	}

	/** A refusal in words (no such model, nothing to do, the newest version changed). */
	public static class Refused extends RuntimeException {

		private final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return status;
		}

	}

	private static final String BPMN_MI_BODY = "#multiInstanceBody";

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final ProcessEngine engine;

	private final TransactionTemplate rolledBack;

	private final JdbcClient jdbc;

	InstanceMigrations(ProcessEngine engine, PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.engine = engine;
		this.repository = engine.getRepositoryService();
		this.runtime = engine.getRuntimeService();
		this.management = engine.getManagementService();
		this.rolledBack = new TransactionTemplate(transactions);
		this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
	}

	/**
	 * Every model (its newest version) with the instances running on it and on older
	 * versions.
	 */
	public List<Model> models() {
		Map<String, List<ProcessDefinition>> byKey = repository.createProcessDefinitionQuery()
			.list()
			.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getKey));
		List<Model> models = new ArrayList<>();
		for (List<ProcessDefinition> versions : byKey.values()) {
			ProcessDefinition newest = versions.stream()
				.max(Comparator.comparingInt(ProcessDefinition::getVersion))
				.get();
			long onNewest = running(newest.getId());
			long onOlder = versions.stream()
				.filter(definition -> definition != newest)
				.mapToLong(definition -> running(definition.getId()))
				.sum();
			models.add(new Model(newest.getKey(), name(newest), version(newest, onNewest), onNewest, onOlder));
		}
		models.sort(Comparator.comparing(Model::runningOnOlder).reversed().thenComparing(Model::name));
		return models;
	}

	/**
	 * The plans from every older version with running instances to the newest version.
	 */
	public Preview preview(String key) {
		ProcessDefinition newest = newest(key);
		List<VersionPlan> plans = new ArrayList<>();
		for (ProcessDefinition older : repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.orderByProcessDefinitionVersion()
			.asc()
			.list()) {
			if (older.getVersion() >= newest.getVersion()) {
				continue;
			}
			long running = running(older.getId());
			if (running > 0) {
				plans.add(plan(older, newest, running));
			}
		}
		return new Preview(key, name(newest), version(newest, running(newest.getId())), plans);
	}

	/**
	 * Moves every instance that can move, as shown by {@link #preview}; refused when the
	 * newest version is not the one the user looked at.
	 */
	public List<Run> run(String key, String expectedNewestId, String userId) {
		Preview preview = preview(key);
		if (expectedNewestId != null && !expectedNewestId.isBlank()
				&& !expectedNewestId.equals(preview.newest().definitionId())) {
			throw new Refused(409, "A newer version of " + preview.name()
					+ " was deployed since the page was opened: review the plan again.");
		}
		if (preview.movableCount() == 0) {
			throw new Refused(409,
					"No running instance of " + preview.name() + " can move to " + preview.newest().label() + ".");
		}
		List<Long> started = new ArrayList<>();
		for (VersionPlan version : preview.versions()) {
			if (version.movable().isEmpty()) {
				continue;
			}
			Batch batch = runtime.newMigration(version.plan()).processInstanceIds(version.movable()).executeAsync();
			started.add(record(key, version, preview.newest(), batch.getId(), userId));
		}
		return runs(key).stream().filter(run -> started.contains(run.id())).toList();
	}

	/** The migrations started for this key, the latest first, with their progress. */
	public List<Run> runs(String key) {
		return jdbc
			.sql("select id, process_key, from_definition_id, to_definition_id, from_version, to_version, "
					+ "batch_id, instances, left_behind, started_by, started_at from instance_migration "
					+ "where process_key = ? order by started_at desc, id desc limit 20")
			.param(key)
			.query((rs, row) -> run(rs.getLong("id"), rs.getString("process_key"), rs.getString("from_definition_id"),
					rs.getString("to_definition_id"), rs.getString("from_version"), rs.getString("to_version"),
					rs.getString("batch_id"), rs.getInt("instances"), rs.getInt("left_behind"),
					rs.getString("started_by"), rs.getTimestamp("started_at").toInstant()))
			.list();
	}

	private Run run(long id, String key, String fromId, String toId, String fromVersion, String toVersion,
			String batchId, int instances, int leftBehind, String startedBy, Instant startedAt) {
		List<String> ids = jdbc
			.sql("select process_instance_id from instance_migration_instance where migration_id = ? "
					+ "order by process_instance_id")
			.param(id)
			.query(String.class)
			.list();
		Map<String, String> definitionOf = ids.isEmpty() ? Map.of()
				: runtime.createProcessInstanceQuery()
					.processInstanceIds(new HashSet<>(ids))
					.list()
					.stream()
					.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getProcessDefinitionId));
		long moved = definitionOf.values().stream().filter(toId::equals).count();
		List<String> stillOnOld = definitionOf.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(fromId))
			.map(entry -> businessKeyOr(entry.getKey()))
			.sorted()
			.toList();
		long ended = ids.size() - definitionOf.size();
		Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
		String state;
		long done = 0;
		long total = 0;
		long failed = 0;
		List<String> failures = List.of();
		if (batch != null) {
			BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
			if (statistics != null) {
				total = statistics.getTotalJobs();
				done = statistics.getCompletedJobs();
				failed = statistics.getFailedJobs();
			}
			failures = management.createJobQuery()
				.jobDefinitionId(batch.getBatchJobDefinitionId())
				.withException()
				.list()
				.stream()
				.map(Job::getExceptionMessage)
				.distinct()
				.limit(5)
				.toList();
			state = failed > 0 ? "failed jobs: incidents for the operators"
					: batch.isSuspended() ? "suspended" : "running";
		}
		else {
			HistoricBatch history = engine.getHistoryService()
				.createHistoricBatchQuery()
				.batchId(batchId)
				.singleResult();
			state = history == null ? "removed" : history.getEndTime() == null ? "running" : "finished";
			done = instances;
			total = instances;
		}
		return new Run(id, key, fromVersion, toVersion, batchId, instances, leftBehind, startedBy, startedAt, state,
				done, total, failed, failures, moved, ended, stillOnOld);
	}

	private long record(String key, VersionPlan version, Version newest, String batchId, String userId) {
		GeneratedKeyHolder generated = new GeneratedKeyHolder();
		jdbc.sql("insert into instance_migration (process_key, from_definition_id, to_definition_id, from_version, "
				+ "to_version, batch_id, instances, left_behind, started_by, started_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key, version.from().definitionId(), newest.definitionId(), version.from().label(), newest.label(),
					batchId, version.movable().size(), version.blocked().size(), userId, Timestamp.from(Instant.now()))
			.update(generated, "id");
		long id = generated.getKey().longValue();
		for (String instanceId : version.movable()) {
			jdbc.sql("insert into instance_migration_instance (migration_id, process_instance_id) values (?, ?)")
				.params(id, instanceId)
				.update();
		}
		return id;
	}

	private VersionPlan plan(ProcessDefinition older, ProcessDefinition newest, long running) {
		Version from = version(older, running);
		MigrationInstructions file = MigrationInstructions.of(older, newest);
		BpmnModelInstance source = repository.getBpmnModelInstance(older.getId());
		BpmnModelInstance target = repository.getBpmnModelInstance(newest.getId());
		List<String> instanceIds = runtime.createProcessInstanceQuery()
			.processDefinitionId(older.getId())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		List<String> problems = new ArrayList<>();
		MigrationPlan plan = null;
		if (file.problem() != null) {
			problems.add(file.problem());
		}
		else {
			try {
				plan = build(older, newest, file);
			}
			catch (MigrationPlanValidationException ex) {
				problems.addAll(planProblems(ex, source, target, file.file()));
			}
			catch (ProcessEngineException ex) {
				problems.add("The plan cannot be built: " + ex.getMessage());
			}
		}
		List<String> mappings = new ArrayList<>();
		List<String> notInNewest = new ArrayList<>();
		if (plan != null) {
			Set<String> mapped = new HashSet<>();
			for (MigrationInstruction instruction : plan.getInstructions()) {
				mapped.add(instruction.getSourceActivityId());
				if (!instruction.getSourceActivityId().equals(instruction.getTargetActivityId())) {
					mappings.add(name(source, instruction.getSourceActivityId()) + " → "
							+ name(target, instruction.getTargetActivityId()));
				}
			}
			for (FlowNode node : source.getModelElementsByType(FlowNode.class)) {
				if (waitsThere(node) && !mapped.contains(node.getId())) {
					notInNewest.add(name(source, node.getId()));
				}
			}
		}
		List<String> movable = new ArrayList<>();
		List<Blocked> blocked = new ArrayList<>();
		for (String instanceId : instanceIds) {
			List<String> reasons = plan == null ? List.of("the plan for " + from.label() + " is not valid (above)")
					: tryOne(plan, instanceId, source);
			if (reasons.isEmpty()) {
				movable.add(instanceId);
			}
			else {
				blocked.add(new Blocked(instanceId, businessKeyOr(instanceId), whereItWaits(instanceId), reasons));
			}
		}
		return new VersionPlan(from, file.file(), file.present(), file.about(), mappings, notInNewest, problems,
				movable, blocked, plan);
	}

	/**
	 * Equal ids (events from the newest version), replaced or completed by the file's
	 * instructions.
	 */
	private MigrationPlan build(ProcessDefinition older, ProcessDefinition newest, MigrationInstructions file) {
		List<MigrationInstruction> equal = runtime.createMigrationPlan(older.getId(), newest.getId())
			.mapEqualActivities()
			.updateEventTriggers()
			.build()
			.getInstructions();
		Set<String> replaced = file.instructions()
			.stream()
			.map(MigrationInstructions.Instruction::from)
			.collect(Collectors.toSet());
		MigrationPlanBuilder builder = runtime.createMigrationPlan(older.getId(), newest.getId());
		for (MigrationInstruction instruction : equal) {
			if (replaced.contains(instruction.getSourceActivityId())) {
				continue;
			}
			builder = instruction.isUpdateEventTrigger()
					? builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId())
						.updateEventTrigger()
					: builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
		}
		for (MigrationInstructions.Instruction instruction : file.instructions()) {
			builder = instruction.updateEventTrigger()
					? builder.mapActivities(instruction.from(), instruction.to()).updateEventTrigger()
					: builder.mapActivities(instruction.from(), instruction.to());
		}
		if (!file.variables().isEmpty()) {
			builder = builder.setVariables(file.variables());
		}
		return builder.build();
	}

	/**
	 * Moves the one instance in a transaction that is always rolled back: nothing
	 * changes, the engine's reasons are kept.
	 */
	private List<String> tryOne(MigrationPlan plan, String instanceId, BpmnModelInstance source) {
		return rolledBack.execute(status -> {
			status.setRollbackOnly();
			try {
				runtime.newMigration(plan).processInstanceIds(instanceId).execute();
				return List.of();
			}
			catch (MigratingProcessInstanceValidationException ex) {
				return reasons(ex.getValidationReport(), source);
			}
			catch (ProcessEngineException ex) {
				return List.of(ex.getMessage());
			}
		});
	}

	private List<String> reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance source) {
		Set<String> reasons = new LinkedHashSet<>(report.getFailures());
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			for (String failure : activity.getFailures()) {
				reasons.add("waits at " + name(source, activity.getSourceScopeId()) + ": " + words(failure));
			}
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			for (String failure : transition.getFailures()) {
				reasons.add("waits at " + name(source, transition.getSourceScopeId()) + " (asynchronous): "
						+ words(failure));
			}
		}
		return List.copyOf(reasons);
	}

	private List<String> planProblems(MigrationPlanValidationException ex, BpmnModelInstance source,
			BpmnModelInstance target, String file) {
		List<String> problems = new ArrayList<>();
		for (MigrationInstructionValidationReport report : ex.getValidationReport().getInstructionReports()) {
			MigrationInstruction instruction = report.getMigrationInstruction();
			for (String failure : report.getFailures()) {
				problems.add(name(source, instruction.getSourceActivityId()) + " → "
						+ name(target, instruction.getTargetActivityId()) + ": " + failure + " (check " + file + ")");
			}
		}
		for (Map.Entry<String, MigrationVariableValidationReport> variable : ex.getValidationReport()
			.getVariableReports()
			.entrySet()) {
			for (String failure : variable.getValue().getFailures()) {
				problems.add("the variable " + variable.getKey() + ": " + failure);
			}
		}
		if (problems.isEmpty()) {
			problems.add(ex.getMessage());
		}
		return problems;
	}

	/**
	 * The engine's most frequent reason in plain words; others as the engine says them.
	 */
	private static String words(String failure) {
		if (failure.startsWith("There is no migration instruction for this instance's activity")) {
			return "the newest version has no activity to move it to (it was removed or renamed; an instruction "
					+ "in the migration file can map it)";
		}
		return failure;
	}

	/** Where an instance can wait, and so must have a place in the newest version. */
	private static boolean waitsThere(FlowNode node) {
		return node instanceof UserTask || node instanceof ReceiveTask || node instanceof CallActivity
				|| node instanceof IntermediateCatchEvent || node instanceof SubProcess || node instanceof BoundaryEvent
				|| node instanceof EventBasedGateway
				|| node instanceof org.camunda.bpm.model.bpmn.instance.Activity activity
						&& (activity.isCamundaAsyncBefore() || activity.isCamundaAsyncAfter());
	}

	/**
	 * "Review idea (Task_Review)": the activity's name and its id, which instruction
	 * files use.
	 */
	static String name(BpmnModelInstance model, String activityId) {
		if (activityId == null) {
			return "the process";
		}
		String id = activityId.endsWith(BPMN_MI_BODY)
				? activityId.substring(0, activityId.length() - BPMN_MI_BODY.length()) : activityId;
		FlowElement element = model.getModelElementById(id) instanceof FlowElement flow ? flow : null;
		String name = element == null || element.getName() == null ? null : element.getName().strip();
		String suffix = activityId.endsWith(BPMN_MI_BODY) ? ", all of its parallel instances" : "";
		return name == null || name.isEmpty() ? id + suffix : "\"" + name + "\" (" + id + suffix + ")";
	}

	private ProcessDefinition newest(String key) {
		ProcessDefinition newest = key == null ? null
				: repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
		if (newest == null) {
			throw new Refused(404, "There is no model with the key \"" + key + "\".");
		}
		return newest;
	}

	private long running(String definitionId) {
		return runtime.createProcessInstanceQuery().processDefinitionId(definitionId).count();
	}

	private String businessKeyOr(String instanceId) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
		return instance == null || instance.getBusinessKey() == null ? "instance " + instanceId
				: instance.getBusinessKey();
	}

	private static String name(ProcessDefinition definition) {
		return definition.getName() == null || definition.getName().isBlank() ? definition.getKey()
				: definition.getName();
	}

	private Version version(ProcessDefinition definition, long running) {
		var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
		String deployed = deployment == null || deployment.getDeploymentTime() == null ? ""
				: java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm")
					.format(deployment.getDeploymentTime().toInstant().atZone(java.time.ZoneId.systemDefault()));
		return new Version(definition.getId(), definition.getVersion(), definition.getVersionTag(), deployed, running);
	}

	/** Where the instance waits now, by activity names (for the page's list). */
	public String whereItWaits(String instanceId) {
		ActivityInstance tree = runtime.getActivityInstance(instanceId);
		if (tree == null) {
			return "";
		}
		BpmnModelInstance model = repository.getBpmnModelInstance(tree.getProcessDefinitionId());
		Set<String> names = new LinkedHashSet<>();
		collect(tree, model, names);
		return String.join(", ", names);
	}

	private static void collect(ActivityInstance instance, BpmnModelInstance model, Collection<String> names) {
		if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
				&& instance.getParentActivityInstanceId() != null) {
			names.add(name(model, instance.getActivityId()));
		}
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			collect(child, model, names);
		}
		for (var transition : instance.getChildTransitionInstances()) {
			names.add(name(model, transition.getActivityId()));
		}
	}

}
