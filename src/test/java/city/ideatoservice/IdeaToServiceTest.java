package city.ideatoservice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import city.ideatoservice.process.ProcessTestListener;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port, profile "test" (application-test.yml: in-memory
 * database, job executor off, mail to GreenMail's port), with MockMvc and the process
 * coverage of each test class. Every test class with this annotation and nothing else
 * that configures the context shares one application context, started once per build: a
 * test needing other settings prepares its own data instead. An extra property, profile,
 * bean or {@code @MockitoBean} starts a context of its own (slow); a class that needs one
 * says why.
 * <p>
 * What the classes share is one database and one engine: each test uses fresh references
 * and titles, and sets up what it counts (or counts relative to before). The engine's
 * clock is reset after each test, and what a test class deploys (mocks of called
 * processes) is undeployed after the class ({@link ProcessTestListener}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessTestListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface IdeaToServiceTest {

}
