package city.ideatoservice.transparency;

import java.util.List;

/**
 * Where the open-innovation challenges (issue 15) add their figures to the figures page
 * and {@code /api/figures}: open challenges and their outcomes. Nothing implements it
 * yet, and the page shows no challenge figures until a bean does.
 */
public interface ChallengeFigures {

	/**
	 * One challenge's public outcome: its reference, title, status, entries and winners.
	 */
	record Challenge(String reference, String title, String status, long entries, long winners) {
	}

	record Summary(long open, List<Challenge> challenges) {
	}

	Summary summary();

}
