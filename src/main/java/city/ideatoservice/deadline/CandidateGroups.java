package city.ideatoservice.deadline;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The groups a task is offered to. */
public final class CandidateGroups {

	private CandidateGroups() {
	}

	public static List<String> of(DelegateTask task) {
		return task.getCandidates()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

}
