package org.cadre.server.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords as slow, salted hashes: PBKDF2 with HMAC-SHA256 from the JDK, {@value #ITERATIONS}
 * iterations, a 16-byte random salt, stored as {@code pbkdf2-sha256$iterations$salt$hash}.
 */
public final class Passwords {

    /** The iteration count for new hashes (OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /** A hash with a chosen iteration count (tests use fewer to stay fast). */
    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
    }

    /** Whether the password matches the stored hash; constant-time in the hash comparison. */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
