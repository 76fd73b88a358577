package city.ideatoservice.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of /api/ (springdoc, README "Public API"): each operation with the
 * problems it answers ({@link Problem}), as RFC 9457 {@code application/problem+json}.
 * The staff operations (/api/staff/) need a staff login (HTTP Basic, the Camunda user).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static final String PROBLEM = "Problem";

	static final String STAFF_LOGIN = "staffLogin";

	@Bean
	OpenAPI ideaToServiceApi() {
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Not Found"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema().description("What was wrong, in words a person can act on"))
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new StringSchema())
				.description("One message per field, where fields were refused"));
		return new OpenAPI()
			.info(new Info().title("Idea to Service API")
				.version("1")
				.description("Citizens submit and follow ideas (no login; the tracking code is the key to one's own"
						+ " idea); anyone reads the public board, an idea's public facts, the adopted services, the"
						+ " register of acts and the DCAT-AP catalogue; staff keep the council's calendar.")
				.license(new License().name("Public facts: CC BY 4.0")))
			.components(new Components().addSchemas(PROBLEM, problem)
				.addSecuritySchemes(STAFF_LOGIN,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A staff user of the city's Camunda (the Tasklist login)")));
	}

	@Bean
	OperationCustomizer problemsOfEachOperation() {
		return (operation, handler) -> {
			java.util.Map<Integer, String> problems = new java.util.TreeMap<>();
			for (Problem problem : handler.getMethod().getAnnotationsByType(Problem.class)) {
				problems.merge(problem.status(), problem.when(), (one, other) -> one + "; " + other);
			}
			problems
				.forEach((status, when) -> operation.getResponses()
					.addApiResponse(String.valueOf(status), new ApiResponse().description(when)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
			if (handler.getBeanType()
				.getAnnotation(org.springframework.web.bind.annotation.RequestMapping.class) != null
					&& java.util.Arrays
						.stream(handler.getBeanType()
							.getAnnotation(org.springframework.web.bind.annotation.RequestMapping.class)
							.value())
						.anyMatch(path -> path.startsWith("/api/staff/"))) {
				operation.addSecurityItem(new SecurityRequirement().addList(STAFF_LOGIN));
			}
			return operation;
		};
	}

}
