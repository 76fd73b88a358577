package bench.bare;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The yardstick of the lifecycle benchmark, run in its own JVM on the bare app's
 * classpath: the bare app (its web server idle, as the application's is), a process of as
 * many user tasks in a row as an idea's lifecycle has, every task completed through the
 * form service as the application's are, the job executor off as in the application's
 * run. Writes one JSON object to the result file.
 * <p>
 * Arguments: result file, data folder, user tasks per process, warm-up processes,
 * measured processes.
 */
public final class BareLifecycle {

	private BareLifecycle() {
	}

	public static void main(String[] args) throws Exception {
		Path result = Path.of(args[0]);
		String dataDir = args[1];
		int tasksPerProcess = Integer.parseInt(args[2]);
		int warmup = Integer.parseInt(args[3]);
		int measured = Integer.parseInt(args[4]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BareCamundaApplication.class).run(
				"--bare.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=WARN",
				"--camunda.bpm.job-execution.enabled=false")) {
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			engine.getRepositoryService()
				.createDeployment()
				.addModelInstance("bare-lifecycle.bpmn", tasksInARow(tasksPerProcess))
				.deploy();
			for (int i = 0; i < warmup; i++) {
				lifecycle(engine, "WARMUP-" + i);
			}
			long cpu0 = processCpuNanos();
			long t0 = System.nanoTime();
			int tasks = 0;
			for (int i = 0; i < measured; i++) {
				tasks += lifecycle(engine, "BARE-" + i);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
			Files.writeString(result, String.format(Locale.ROOT,
					"{\"lifecycles\":%d,\"tasks\":%d,\"tasksPerLifecycle\":%d,\"seconds\":%.4f,\"cpuSeconds\":%.4f}",
					measured, tasks, tasksPerProcess, seconds, cpuSeconds));
		}
	}

	/**
	 * Starts one process and completes its tasks one by one, each found as Tasklist finds
	 * it.
	 */
	private static int lifecycle(ProcessEngine engine, String businessKey) {
		engine.getRuntimeService().startProcessInstanceByKey("bare-lifecycle", businessKey);
		int completed = 0;
		for (Task task = next(engine, businessKey); task != null; task = next(engine, businessKey)) {
			engine.getFormService().submitTaskForm(task.getId(), Map.of("decision", "OK"));
			completed++;
		}
		return completed;
	}

	private static Task next(ProcessEngine engine, String businessKey) {
		return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
	}

	private static BpmnModelInstance tasksInARow(int count) {
		AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare-lifecycle")
			.camundaHistoryTimeToLive(180)
			.startEvent();
		for (int i = 1; i <= count; i++) {
			flow = flow.userTask("Task_" + i).name("Task " + i).camundaCandidateGroups("workers");
		}
		return flow.endEvent().done();
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
