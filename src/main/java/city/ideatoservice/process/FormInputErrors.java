package city.ideatoservice.process;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task or execution listener in a generic
 * ProcessEngineException, which the REST API answers with 500. This interceptor, outside
 * the transaction, hands the original {@link FormFieldValidationException} on, so that a
 * rejected form gets 400 with the message a person can act on.
 */
@Component
public class FormInputErrors extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Unwrap());
	}

	static final class Unwrap extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (ProcessEngineException ex) {
				for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
					if (cause instanceof FormFieldValidationException invalid) {
						throw invalid;
					}
				}
				throw ex;
			}
		}

	}

}
