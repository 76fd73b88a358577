package city.ideatoservice.transparency;

import java.util.List;

/**
 * How the open-innovation challenges add their figures to the figures page and
 * {@code /api/figures}: open challenges and their outcomes (implemented in the challenge
 * package, which this package does not know).
 */
public interface ChallengeFigures {

	/**
	 * One public challenge's outcome: its reference, title, status, entries, winners, and
	 * the winners' ideas still on their way (not closed).
	 */
	record Challenge(String reference, String title, String status, long entries, long winners,
			long winnersContinuing) {
	}

	record Summary(long open, List<Challenge> challenges) {
	}

	Summary summary();

}
