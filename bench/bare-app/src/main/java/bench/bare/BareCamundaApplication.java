package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare Camunda 7 Spring Boot starter app, as start.camunda.com generates it: the
 * engine, Tasklist, Cockpit, Admin and the REST API, and one process. The benchmark's
 * yardstick.
 */
@SpringBootApplication
public class BareCamundaApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareCamundaApplication.class, args);
	}

}
