package city.ideatoservice.jury;

/** A score sheet refused, with a message naming the entry and the criterion in words. */
public class JuryScoreException extends RuntimeException {

	public JuryScoreException(String message) {
		super(message);
	}

}
