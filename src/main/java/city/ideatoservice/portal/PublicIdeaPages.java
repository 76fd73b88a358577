package city.ideatoservice.portal;

import city.ideatoservice.idea.IdeaService;
import org.springframework.stereotype.Component;

/**
 * Whether an idea has its public page on the portal ({@code /ideas/{reference}}): for
 * other features that link to it (OParl's papers), by the portal's own rule.
 */
@Component
public class PublicIdeaPages {

	private final IdeaService ideas;

	private final PublicIdeas publicIdeas;

	PublicIdeaPages(IdeaService ideas, PublicIdeas publicIdeas) {
		this.ideas = ideas;
		this.publicIdeas = publicIdeas;
	}

	public boolean exists(String reference) {
		return ideas.findByReference(reference).filter(publicIdeas::isListed).isPresent();
	}

}
