package city.ideatoservice.funding;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface FundingDecisionRepository extends ListCrudRepository<FundingDecision, Long> {

	List<FundingDecision> findByIdeaReferenceOrderByFundingRoundAscDecidedAtAsc(String ideaReference);

	List<FundingDecision> findByIdeaReferenceAndFundingRoundOrderByDecidedAt(String ideaReference, int fundingRound);

}
