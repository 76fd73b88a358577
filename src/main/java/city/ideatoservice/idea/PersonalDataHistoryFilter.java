package city.ideatoservice.idea;

import static city.ideatoservice.idea.IdeaVariables.SUBMITTER_EMAIL;
import static city.ideatoservice.idea.IdeaVariables.SUBMITTER_NAME;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the citizen's name and e-mail out of Camunda's history. The start form briefly
 * holds them as variables until "Register idea" moves them to the CITIZEN table; history
 * never sees them, so erasing a citizen touches only that table. The same for the
 * partners' contacts, which the co-design and checkpoint forms hold until they are in the
 * PARTNER table.
 */
@Component
public class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

	static final Set<String> PERSONAL_VARIABLES = Set.of(SUBMITTER_NAME, SUBMITTER_EMAIL, "partners", "newPartners");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		// a mutable list: other plugins (the starter's event publisher) add their
		// handlers to it
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new Filter(new DbHistoryEventHandler()));
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	static boolean isPersonal(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable) {
			return PERSONAL_VARIABLES.contains(variable.getVariableName());
		}
		if (event instanceof HistoricFormPropertyEventEntity formProperty) {
			return PERSONAL_VARIABLES.contains(formProperty.getPropertyId());
		}
		return false;
	}

	private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!isPersonal(event)) {
				delegate.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

	}

}
