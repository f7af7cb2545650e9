package nl.jobcoachmonitor.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms of one project: HMAC-SHA256 of the id with the project's random secret, so the same person gets the same
 * pseudonym in every download of a project and an unrelated one in another project, and nobody without the secret can
 * go back to the id. 16 hex digits (64 bits) after a letter: P for a person, T for a trajectory.
 */
final class Pseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mac mac;

    Pseudonyms(String secretHex) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new random secret of 32 bytes, as hex. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String person(long employeeId) {
        return "P" + hmac("employee:" + employeeId);
    }

    String trajectory(long trajectoryId) {
        return "T" + hmac("trajectory:" + trajectoryId);
    }

    private String hmac(String text) {
        byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
