package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against the SHA-1 test vectors of RFC 6238 (appendix B), the last six of their eight digits. */
class TotpTests {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void codesMatchTheRfcTestVectors(long seconds, String code) {
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
        assertThat(Totp.code(Totp.encode(SECRET), Instant.ofEpochSecond(seconds))).isEqualTo(code);
    }

    @Test
    void oneStepOfDriftEitherWayIsAcceptedNotTwo() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(SECRET, "12345", now)).isEmpty();
    }

    @Test
    void base32RoundTrips() {
        assertThat(Totp.encode(SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(SECRET);
    }
}
