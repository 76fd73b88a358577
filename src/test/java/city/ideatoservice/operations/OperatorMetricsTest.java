package city.ideatoservice.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.ProcessTestSupport;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What an operator's Prometheus scrapes: the endpoint is behind the operators' login, and
 * the figures move when a citizen submits an idea and when a task becomes overdue.
 */
@IdeaToServiceTest
class OperatorMetricsTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessTestSupport support;

	@Test
	void onlyOperatorsScrape() {
		support.ensureUser("oskar", Groups.OPERATORS);
		support.ensureUser("iris", Groups.INNOVATION_OFFICE);
		assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(scrape("iris").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> operator = scrape("oskar");
		assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(operator.getBody()).contains("# HELP ideas_submitted_total")
			.contains("tasks_overdue{group=\"legal\"}")
			.contains("mails_queued")
			.contains("incidents_open");
	}

	@Test
	void aSubmittedIdeaAndAnOverdueTaskMoveTheFigures() {
		support.ensureUser("oskar", Groups.OPERATORS);
		double submitted = value("ideas_submitted_total");
		double inReview = value("ideas_by_status{status=\"IN_REVIEW\"}");
		double open = value("tasks_open{group=\"innovation-office\"}");
		double overdue = value("tasks_overdue{group=\"innovation-office\"}");
		double mails = value("mails_queued");

		String reference = support.submitIdea("Benches that tell the bus times", Theme.MOBILITY, Reach.CITY);
		support.runJobs(reference);

		assertThat(value("ideas_submitted_total")).isEqualTo(submitted + 1);
		assertThat(value("ideas_by_status{status=\"IN_REVIEW\"}")).isEqualTo(inReview + 1);
		assertThat(value("tasks_open{group=\"innovation-office\"}")).isEqualTo(open + 1);
		assertThat(value("tasks_overdue{group=\"innovation-office\"}")).isEqualTo(overdue);
		// the citizen's confirmation waits for its mail job (the tests run mail jobs
		// themselves)
		assertThat(value("mails_queued")).isGreaterThan(mails);
		// SUBMITTED was left for IN_REVIEW: one more idea in the stage's histogram
		assertThat(scrape("oskar").getBody()).contains("idea_stage_duration_seconds_count{stage=\"SUBMITTED\"}");

		// the screening task's due date passes
		Task screening = support.taskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult();
		support.taskService().setDueDate(screening.getId(), new Date(System.currentTimeMillis() - 60_000));
		assertThat(value("tasks_overdue{group=\"innovation-office\"}")).isEqualTo(overdue + 1);
	}

	private ResponseEntity<String> scrape(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "password-" + user);
		headers.setAccept(java.util.List.of(MediaType.TEXT_PLAIN));
		return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	/** A sample of the Prometheus text format, by its name and labels as written. */
	private double value(String series) {
		String body = scrape("oskar").getBody();
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
		assertThat(sample.find()).as(series + " in\n" + body).isTrue();
		return Double.parseDouble(sample.group(1));
	}

}
