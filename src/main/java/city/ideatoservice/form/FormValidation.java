package city.ideatoservice.form;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import city.ideatoservice.process.JsonVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Every user task with a Camunda Form checks what is submitted against its deployed form
 * when it completes, and the start form of a process checks its values before the
 * instance starts: added when the engine reads a model, so no model repeats a form's
 * rules in a listener. A hidden field's value is not kept.
 */
@Component
public class FormValidation extends AbstractProcessEnginePlugin {

	private final FormValidator validator = new FormValidator(FormValidation::today);

	/** Parsed forms by deployment and key: a deployed form never changes. */
	private final Map<String, CamundaForm> forms = new ConcurrentHashMap<>();

	public FormValidator validator() {
		return validator;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
						&& userTask.getTaskDefinition().getFormDefinition().getCamundaFormDefinitionKey() != null) {
					FormDefinition form = userTask.getTaskDefinition().getFormDefinition();
					// built-in: runs before the model's own complete listeners, which may
					// rely on checked values
					userTask.getTaskDefinition()
						.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> completing(task, form));
					// resolving a delegated task (with variables) is a submission too
					userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, task -> {
						if (((TaskEntity) task).getPropertyChanges().containsKey(TaskEntity.DELEGATION)
								&& ((TaskEntity) task).getDelegationState() == DelegationState.RESOLVED) {
							completing(task, form);
						}
					});
				}
			}

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
				FormDefinition form = process.getStartFormDefinition();
				if (form != null && form.getCamundaFormDefinitionKey() != null
						&& process.getStartFormHandler() != null) {
					process.setStartFormHandler(new CheckedStartForm(process.getStartFormHandler(), process, form));
				}
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private void completing(DelegateTask task, FormDefinition definition) {
		TaskEntity entity = (TaskEntity) task;
		// first of all listeners: what is written now was written by the submission
		Set<String> submitted = writtenNow(entity);
		CamundaForm form = form(entity.getProcessDefinition().getDeploymentId(), definition, task);
		FormValidator.Result result;
		try {
			result = validator.validate(form, task.getVariables());
		}
		catch (FormFieldValidationException refused) {
			ensureStillOpen(entity);
			throw refused;
		}
		for (String key : submitted) {
			if (!result.editable().contains(key) && !result.hidden().contains(key)) {
				ensureStillOpen(entity);
				throw new FormFieldValidationException(key,
						"'" + key + "' is not a field of the form '" + task.getName() + "' you may fill in.");
			}
		}
		for (String key : result.hidden()) {
			if (writtenNow(entity, key)) {
				task.removeVariable(key);
			}
		}
		result.cleanedLists().forEach((key, entries) -> {
			if (writtenNow(entity, key)) {
				task.setVariable(key, JsonVariables.list(entries));
			}
		});
		result.normalized().forEach((key, value) -> {
			if (writtenNow(entity, key)) {
				task.setVariable(key, value);
			}
		});
	}

	/**
	 * Two users completing one task at once (on one node or two): the second command read
	 * the task before the first committed, and finds its variables gone since. That is no
	 * fault of the form: the task is no longer there (a 409 for the REST API).
	 */
	private static void ensureStillOpen(TaskEntity task) {
		CommandContext command = Context.getCommandContext();
		// read anew: MyBatis would answer from its session cache what this command read
		// first
		command.getDbSqlSession().getSqlSession().clearCache();
		if (command.getDbEntityManager().selectOne("selectTask", task.getId()) == null) {
			throw new NotFoundException("Cannot find task with id " + task.getId() + ": completed at the same time");
		}
	}

	/**
	 * A refusal by a check the form cannot express (across fields, against the database),
	 * naming the field by its label as the form's own rules do: "Champion: there is no
	 * user 'nobody'."
	 */
	public FormFieldValidationException invalid(DelegateTask task, String key, String problem) {
		TaskEntity entity = (TaskEntity) task;
		FormDefinition definition = entity.getTaskDefinition() == null ? null
				: entity.getTaskDefinition().getFormDefinition();
		String label = definition == null || definition.getCamundaFormDefinitionKey() == null ? key
				: FormValidator.label(form(entity.getProcessDefinition().getDeploymentId(), definition, task), key)
					.orElse(key);
		return new FormFieldValidationException(key, label + ": " + problem);
	}

	/**
	 * The deployed form a user task shows (camunda:formRef), if it has one; inside the
	 * engine's command.
	 */
	public java.util.Optional<CamundaForm> formOf(DelegateTask task) {
		TaskEntity entity = (TaskEntity) task;
		FormDefinition definition = entity.getTaskDefinition() == null ? null
				: entity.getTaskDefinition().getFormDefinition();
		if (definition == null || definition.getCamundaFormDefinitionKey() == null
				|| entity.getProcessDefinition() == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(form(entity.getProcessDefinition().getDeploymentId(), definition, task));
	}

	/**
	 * The variables of the task and its executions written in this command: at the start
	 * of the complete event, the submission's (the model's listeners have not run yet).
	 */
	private static Set<String> writtenNow(TaskEntity task) {
		Set<String> names = new TreeSet<>();
		List<AbstractVariableScope> scopes = new ArrayList<>();
		scopes.add(task);
		for (ExecutionEntity execution = task.getExecution(); execution != null; execution = execution.getParent()) {
			scopes.add(execution);
		}
		for (AbstractVariableScope scope : scopes) {
			for (CoreVariableInstance variable : scope.getVariableInstancesLocal()) {
				if (writtenNow(variable)) {
					names.add(variable.getName());
				}
			}
		}
		return names;
	}

	/**
	 * Whether this submission wrote the variable. A hidden field's value typed in this
	 * submission is taken back; a value the process had before (a proposal the form
	 * merely hides) stays.
	 */
	private static boolean writtenNow(AbstractVariableScope scope, String name) {
		return writtenNow(scope.getVariableInstance(name));
	}

	private static boolean writtenNow(CoreVariableInstance variable) {
		if (!(variable instanceof VariableInstanceEntity entity)) {
			return variable != null;
		}
		CachedDbEntity cached = Context.getCommandContext()
			.getDbEntityManager()
			.getDbEntityCache()
			.getCachedEntity(entity);
		return cached == null || cached.getEntityState() == DbEntityState.TRANSIENT || cached.isDirty();
	}

	/**
	 * The form a task or start event refers to (camunda:formRef), read from its
	 * deployment once.
	 */
	private CamundaForm form(String deploymentId, FormDefinition definition, VariableScope scope) {
		String key = String.valueOf(definition.getCamundaFormDefinitionKey().getValue(scope));
		String binding = definition.getCamundaFormDefinitionBinding();
		if (DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(binding)) {
			return forms.computeIfAbsent(deploymentId + "/" + key, ignored -> read(deploymentId, key, binding, null));
		}
		Integer version = definition.getCamundaFormDefinitionVersion() == null ? null
				: Integer.valueOf(String.valueOf(definition.getCamundaFormDefinitionVersion().getValue(scope)));
		CamundaFormDefinition found = find(deploymentId, key, binding, version);
		return forms.computeIfAbsent(found.getDeploymentId() + "/" + key,
				ignored -> read(found.getDeploymentId(), key, binding, version));
	}

	private static CamundaForm read(String deploymentId, String key, String binding, Integer version) {
		CamundaFormDefinition found = find(deploymentId, key, binding, version);
		CommandContext context = Context.getCommandContext();
		return CamundaForm.read(context
			.runWithoutAuthorization(new GetDeploymentResourceCmd(found.getDeploymentId(), found.getResourceName())));
	}

	private static CamundaFormDefinition find(String deploymentId, String key, String binding, Integer version) {
		CamundaFormRefImpl ref = new CamundaFormRefImpl(key, binding);
		ref.setVersion(version);
		CamundaFormDefinition found = Context.getCommandContext()
			.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
		if (found == null) {
			throw new ProcessEngineException(
					"There is no form '" + key + "' (" + binding + ") for deployment " + deploymentId + ".");
		}
		return found;
	}

	/** The engine's day: process tests move the engine's clock. */
	private static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

	/**
	 * The start form: its values are checked before the instance starts, and hidden
	 * fields' values are not written.
	 */
	private final class CheckedStartForm implements StartFormHandler {

		private final StartFormHandler handler;

		private final ProcessDefinitionEntity process;

		private final FormDefinition definition;

		CheckedStartForm(StartFormHandler handler, ProcessDefinitionEntity process, FormDefinition definition) {
			this.handler = handler;
			this.process = process;
			this.definition = definition;
		}

		@Override
		public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
			return handler.createStartFormData(processDefinition);
		}

		@Override
		public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
				ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
			handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope scope) {
			CamundaForm form = form(process.getDeploymentId(), definition, scope);
			FormValidator.Result result = validator.validate(form, properties);
			VariableMap kept = Variables.createVariables();
			kept.putAll(properties);
			result.hidden().forEach(kept::remove);
			result.cleanedLists().forEach((key, entries) -> kept.putValueTyped(key, JsonVariables.list(entries)));
			kept.putAll(result.normalized());
			handler.submitFormVariables(kept, scope);
		}

	}

}
