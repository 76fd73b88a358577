package city.ideatoservice.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The {@code valuesKey}s of a task's deployed Camunda Form ({@code camunda:formRef}), read once per form definition.
 * Deployed forms never change, so the cache needs no eviction.
 */
class DeployedForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, Set<String>> valuesKeys = new ConcurrentHashMap<>();

	/** Inside the engine's command, e.g. a task listener; a task without a deployed Camunda Form has none. */
	Set<String> valuesKeysOf(DelegateTask task) {
		TaskEntity entity = (TaskEntity) task;
		entity.initializeFormKey();
		CamundaFormRef formRef = entity.getCamundaFormRef();
		if (formRef == null || entity.getProcessDefinition() == null) {
			return Set.of();
		}
		CommandContext command = Context.getCommandContext();
		// the person who completed the previous step may not read this task: the engine's own lookup, unchecked
		CamundaFormDefinition form = command.runWithoutAuthorization(
				new GetCamundaFormDefinitionCmd(formRef, entity.getProcessDefinition().getDeploymentId()));
		if (form == null) {
			return Set.of();
		}
		return valuesKeys.computeIfAbsent(form.getId(), id -> read(command, form));
	}

	private static Set<String> read(CommandContext command, CamundaFormDefinition form) {
		try (InputStream json = command
			.runWithoutAuthorization(new GetDeploymentResourceCmd(form.getDeploymentId(), form.getResourceName()))) {
			return Set.copyOf(new LinkedHashSet<>(JSON.readTree(json).findValuesAsText("valuesKey")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the form " + form.getResourceName(), ex);
		}
	}

}
