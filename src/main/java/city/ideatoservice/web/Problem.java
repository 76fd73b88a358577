package city.ideatoservice.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an operation of /api/ answers with an RFC 9457 problem, and when: listed in
 * the OpenAPI document beside the operation (see {@link OpenApiDocument}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Problem.List.class)
public @interface Problem {

	int status();

	String when();

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {

		Problem[] value();

	}

}
