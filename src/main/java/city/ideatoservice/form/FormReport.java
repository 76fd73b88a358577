package city.ideatoservice.form;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At start-up, says which parts of the deployed forms the server cannot check (a FEEL
 * expression it cannot evaluate, a field it does not understand), so that a designer
 * learns it from the log and not from a wrong submission.
 */
@Component
class FormReport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FormReport.class);

	static final String FORMS = "classpath*:forms/*.form";

	private final FormValidator validator;

	private final ResourcePatternResolver resources;

	FormReport(FormValidation validation, ResourcePatternResolver resources) {
		this.validator = validation.validator();
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> problems = new ArrayList<>();
		Resource[] forms = resources.getResources(FORMS);
		for (Resource form : forms) {
			problems.addAll(validator.problems(CamundaForm.read(form.getInputStream())));
		}
		problems.forEach(problem -> log.warn("{} Tasklist may still apply it; the server does not.", problem));
		log.info("Checked the rules of {} forms: {} not checked on the server.", forms.length, problems.size());
	}

}
