package city.ideatoservice.deadline;

import java.util.List;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model gets its due date, its reminder and its escalation from
 * the settings ({@code idea-to-service.deadlines.tasks.<form-id>}), so no model carries
 * deadline XML. The engine reads them while it parses a model, the way it reads a
 * {@code camunda:taskListener event="timeout"}: a timer job per task at its creation,
 * with a job definition per task that Cockpit shows; a third timer at the due date marks
 * the task overdue ({@link TaskPriority}). A due date written in a model
 * ({@code camunda:dueDate}) still wins.
 */
@Component
public class TaskDeadlinesParsePlugin extends AbstractProcessEnginePlugin {

	static final String REMINDER = "Reminder";

	static final String ESCALATION = "Escalation";

	static final String OVERDUE = "Overdue";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBpmnParseFactory(DeadlineBpmnParse::new);
	}

	/** The engine's parse, plus the deadlines of each user task. */
	static class DeadlineBpmnParse extends BpmnParse {

		DeadlineBpmnParse(BpmnParser parser) {
			super(parser);
		}

		@Override
		protected void parseTaskListeners(Element userTaskElement, ActivityImpl activity,
				TaskDefinition taskDefinition) {
			super.parseTaskListeners(userTaskElement, activity, taskDefinition);
			Expression formKey = taskDefinition.getCamundaFormDefinitionKey();
			if (formKey == null) {
				return;
			}
			String form = formKey.getExpressionText();
			// the model's own camunda:dueDate is parsed after this and replaces it
			taskDefinition.setDueDateExpression(deadline("due", form));
			addTimeout(activity, taskDefinition, REMINDER, deadline("reminderAt", form), "${taskReminder}");
			addTimeout(activity, taskDefinition, ESCALATION, deadline("escalationAt", form), "${taskEscalation}");
			addTimeout(activity, taskDefinition, OVERDUE, new DueDateOf(taskDefinition), "${taskOverdue}");
		}

		/**
		 * The task's due date as the task gets it: read when the timer is created, after
		 * the model's own {@code camunda:dueDate} replaced the settings' one.
		 */
		private record DueDateOf(TaskDefinition task) implements Expression {

			@Override
			public Object getValue(VariableScope scope) {
				return task.getDueDateExpression().getValue(scope);
			}

			@Override
			public void setValue(Object value, VariableScope scope) {
				throw new UnsupportedOperationException("a due date is read, not written");
			}

			@Override
			public String getExpressionText() {
				return task.getDueDateExpression().getExpressionText();
			}

			@Override
			public boolean isLiteralText() {
				return false;
			}

		}

		private Expression deadline(String method, String form) {
			return expressionManager.createExpression("${deadlines." + method + "('" + form + "', execution)}");
		}

		/**
		 * What {@link BpmnParse#parseTimeoutTaskListener} does for a timeout listener
		 * written in a model.
		 */
		private void addTimeout(ActivityImpl activity, TaskDefinition taskDefinition, String listenerId,
				Expression dueDate, String listener) {
			if (taskDefinition.getTimeoutTaskListener(listenerId) != null) {
				return;
			}
			activity.setScope(true);
			activity.setEventScope(activity);
			TimerDeclarationImpl timer = new TimerDeclarationImpl(dueDate, TimerDeclarationType.DATE,
					TimerTaskListenerJobHandler.TYPE);
			timer.setActivity(activity);
			timer.setExclusive(true);
			timer.setJobConfiguration(TimerDeclarationType.DATE + ": " + dueDate.getExpressionText());
			timer.setRawJobHandlerConfiguration(
					activity.getId() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
							+ TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + listenerId);
			timer.setJobPriorityProvider(
					(org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider) activity
						.getProperty(PROPERTYNAME_JOB_PRIORITY));
			addJobDeclarationToProcessDefinition(timer, (ProcessDefinition) activity.getProcessDefinition());
			addTimerListenerDeclaration(listenerId, activity, timer);
			taskDefinition.addTimeoutTaskListener(listenerId,
					new DelegateExpressionTaskListener(expressionManager.createExpression(listener), List.of()));
		}

	}

}
