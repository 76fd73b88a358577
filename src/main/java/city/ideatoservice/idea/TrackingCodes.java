package city.ideatoservice.idea;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The private code a citizen follows an idea with: 80 random bits, shown once, stored
 * only as a SHA-256 hash. For the repeat of a submission with an Idempotency-Key it is
 * also kept sealed (AES-GCM) with a key derived from that Idempotency-Key, which itself
 * is kept only as a hash: the database alone opens no code.
 */
final class TrackingCodes {

	// no 0/O, 1/I/L: a code read from paper is typed correctly
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	static String newCode() {
		StringBuilder code = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	static String hash(String code) {
		String normalised = code.strip().toUpperCase(Locale.ROOT).replace(" ", "");
		return HexFormat.of().formatHex(sha256(normalised));
	}

	/** The hash an Idempotency-Key is kept as; not the key {@link #seal} uses. */
	static String hashIdempotencyKey(String idempotencyKey) {
		return HexFormat.of().formatHex(sha256("idempotency-key\n" + idempotencyKey));
	}

	static String seal(String code, String idempotencyKey) {
		byte[] iv = new byte[12];
		RANDOM.nextBytes(iv);
		try {
			byte[] sealed = cipher(Cipher.ENCRYPT_MODE, idempotencyKey, iv)
				.doFinal(code.getBytes(StandardCharsets.UTF_8));
			byte[] stored = Arrays.copyOf(iv, iv.length + sealed.length);
			System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
			return Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	static String unseal(String sealed, String idempotencyKey) {
		byte[] stored = Base64.getDecoder().decode(sealed);
		try {
			byte[] code = cipher(Cipher.DECRYPT_MODE, idempotencyKey, Arrays.copyOf(stored, 12)).doFinal(stored, 12,
					stored.length - 12);
			return new String(code, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The tracking code was sealed with another key", ex);
		}
	}

	private static Cipher cipher(int mode, String idempotencyKey, byte[] iv) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(sha256("seal\n" + idempotencyKey), "AES"), new GCMParameterSpec(128, iv));
		return cipher;
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
