package city.ideatoservice.commitment;

import static city.ideatoservice.commitment.CommitmentVariables.COMMITMENT_DATE;
import static city.ideatoservice.commitment.CommitmentVariables.COMMITMENT_MOMENT;
import static city.ideatoservice.commitment.CommitmentVariables.COMMITMENT_PROMISE;
import static city.ideatoservice.commitment.CommitmentVariables.SPONSOR_NAME;
import static city.ideatoservice.commitment.CommitmentVariables.SPONSOR_OFFICE;
import static city.ideatoservice.idea.IdeaVariables.IDEA_REFERENCE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Plan public commitment" (communications): keeps the commitment as a public fact of the
 * idea, in the transaction of the task; the citizen is told by e-mail. The portal reads
 * an idea's commitments here.
 */
@Component("publicCommitmentRecorder")
public class PublicCommitments implements TaskListener {

	private final PublicCommitmentRepository commitments;

	private final IdeaService ideas;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublicCommitments(PublicCommitmentRepository commitments, IdeaService ideas, ApplicationEventPublisher events,
			Clock clock) {
		this.commitments = commitments;
		this.ideas = ideas;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		FormInput input = FormInput.of(task);
		String reference = (String) task.getVariable(IDEA_REFERENCE);
		Long ideaId = ideas.require(reference).id();
		PublicCommitment commitment = commitments
			.save(new PublicCommitment(null, ideaId, PublicCommitment.Moment.valueOf(input.text(COMMITMENT_MOMENT)),
					input.text(SPONSOR_NAME), input.text(SPONSOR_OFFICE), LocalDate.parse(input.text(COMMITMENT_DATE)),
					input.text(COMMITMENT_PROMISE), clock.instant()));
		events.publishEvent(new PublicCommitmentRecorded(ideaId, reference, commitment.id()));
	}

	/** The idea's public commitments, the first first; empty for an unknown reference. */
	public List<PublicCommitment> of(String reference) {
		return ideas.findByReference(reference)
			.map(idea -> commitments.findByIdeaIdOrderByRecordedAtAscIdAsc(idea.id()))
			.orElse(List.of());
	}

	public Optional<PublicCommitment> find(Long id) {
		return commitments.findById(id);
	}

}
