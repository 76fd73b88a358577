package city.ideatoservice.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.BaseProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Keeps the test classes that share one application context ({@code @IdeaToServiceTest})
 * apart: records each class's process coverage
 * (target/process-test-coverage/&lt;class&gt;, summed up by {@link CoverageCheck})
 * without the processes it mocks ({@link MockedProcesses}); puts the engine's clock back
 * to now after each test; and undeploys what the class deployed, so that a mock never
 * stands in for a called process in the next class. Before each class it makes this
 * context's engine the "default" one again: Camunda keeps one engine per name in a static
 * registry, where the REST API and its authentication filter look it up, and the tests
 * that start an application of their own (IdeaToServiceApplicationTests, RestartTest)
 * replace or remove it there.
 * <p>
 * The coverage part is the library's ProcessEngineCoverageTestExecutionListener (a final
 * class) with the mocks left out. The library registers its own listener for every Spring
 * test (spring.factories); it runs after this one, so this one takes the engine's
 * coverage events back before each test and the library's records nothing (and writes no
 * report: it would warn that it cannot calculate a coverage, application-test.yml keeps
 * that quiet).
 */
public class ProcessTestListener extends BaseProcessEngineCoverageTestExecutionListener {

	private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());

	private Set<String> deploymentsBefore = Set.of();

	@Override
	protected DefaultCollector getCoverageCollector() {
		return this.collector;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		super.beforeTestClass(testContext);
		ProcessEngines.registerProcessEngine(engine(testContext));
		MockedProcesses mocked = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				MockedProcesses.class);
		if (mocked != null) {
			this.collector.setExcludedProcessDefinitionKeys(List.of(mocked.value()));
		}
		this.deploymentsBefore = deploymentIds(testContext);
	}

	@Override
	public void prepareTestInstance(TestContext testContext) {
		new ProcessEngineAdapter(engine(testContext), this.collector).initializeListeners();
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		super.afterTestMethod(testContext);
		ClockUtil.reset();
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		try {
			super.afterTestClass(testContext);
		}
		finally {
			RepositoryService repository = repository(testContext);
			for (String id : deploymentIds(testContext)) {
				if (!this.deploymentsBefore.contains(id)) {
					// with its instances, skipping their listeners and mappings
					repository.deleteDeployment(id, true, true, true);
				}
			}
		}
	}

	private static Set<String> deploymentIds(TestContext testContext) {
		return repository(testContext).createDeploymentQuery()
			.list()
			.stream()
			.map(Deployment::getId)
			.collect(Collectors.toSet());
	}

	private static RepositoryService repository(TestContext testContext) {
		return engine(testContext).getRepositoryService();
	}

	private static ProcessEngine engine(TestContext testContext) {
		return testContext.getApplicationContext().getBean(ProcessEngine.class);
	}

}
