package city.ideatoservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdeaToServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdeaToServiceApplication.class, args);
	}

}
