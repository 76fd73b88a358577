package city.ideatoservice.notification;

import java.util.List;

import city.ideatoservice.deadline.CandidateGroups;
import city.ideatoservice.idea.IdeaVariables;
import city.ideatoservice.process.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
		EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::created);
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
