package city.ideatoservice.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The called processes a test class replaces with mocks
 * (CallActivityMockForSpringContext): they are left out of its process coverage, so a
 * mock's events never count for the real model. The mocks, like everything a test class
 * deploys, are undeployed after the class ({@link ProcessTestListener}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface MockedProcesses {

	/** Process definition keys, e.g. {@link ProcessKeys#FUNDING_REQUEST}. */
	String[] value();

}
