package city.ideatoservice.notification;

import city.ideatoservice.idea.IdeaVariables;
import java.util.ArrayList;
import java.util.List;

import city.ideatoservice.deadline.CandidateGroups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model tells its groups by e-mail when it is created with a due
 * date: added by the engine when it reads a model, so no designer has to remember a
 * listener.
 */
@Component
public class NewTaskNotification extends AbstractProcessEnginePlugin {

	private final StaffNotifications staff;

	NewTaskNotification(@Lazy StaffNotifications staff) {
		this.staff = staff;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		TaskListener onCreate = this::created;
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private void created(DelegateTask task) {
		if (task.getDueDate() == null) {
			return;
		}
		List<String> groups = CandidateGroups.of(task);
		if (!groups.isEmpty()) {
			staff.taskCreated(task.getId(), task.getName(), (String) task.getVariable(IdeaVariables.IDEA_REFERENCE),
					task.getDueDate(), groups);
		}
	}

}
