package nl.jobcoachmonitor.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff accounts: a TOTP secret per account (encrypted with AES-GCM under
 * {@code jcm.security.two-factor.key}; shown only until the first code confirms it) and ten single-use recovery codes
 * (SHA-256 hashes only). A code is accepted once: its time step must be later than the last accepted one.
 */
@Component
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);
    /** Used only when no key is configured (the embedded demo); the README says to set JCM_TWO_FACTOR_KEY. */
    private static final String BUILT_IN_KEY = "jcm-built-in-two-factor-key-set-JCM_TWO_FACTOR_KEY";
    private static final String SALT = "5c0a9e3f1b7d2468";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Outcome { CODE, RECOVERY_CODE, REFUSED }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TextEncryptor encryptor;
    private final ApiTokens tokens;

    SecondFactors(JdbcClient jdbc, Clock clock, @Value("${jcm.security.two-factor.key:}") String key,
            ApiTokens tokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokens = tokens;
        if (key.isBlank()) {
            log.warn("jcm.security.two-factor.key (JCM_TWO_FACTOR_KEY) is not set: two-factor secrets are encrypted "
                    + "with a built-in key. Set it in production.");
        }
        this.encryptor = Encryptors.delux(key.isBlank() ? BUILT_IN_KEY : key, SALT);
    }

    public boolean enrolled(long userId) {
        return jdbc.sql("select count(*) from staff_second_factor where user_id = :u and confirmed_at is not null")
                .param("u", userId).query(Long.class).single() > 0;
    }

    /** The Base32 secret of an enrolment not yet confirmed, made now if there is none; empty once confirmed. */
    @Transactional
    public Optional<String> pendingSecret(long userId) {
        record Row(String secret, Timestamp confirmedAt) {
        }
        var row = jdbc.sql("select secret, confirmed_at from staff_second_factor where user_id = :u")
                .param("u", userId).query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2))).optional();
        if (row.isPresent()) {
            return row.get().confirmedAt() != null ? Optional.empty()
                    : Optional.of(Totp.encode(HexFormat.of().parseHex(encryptor.decrypt(row.get().secret()))));
        }
        byte[] secret = Totp.newSecret();
        jdbc.sql("insert into staff_second_factor (user_id, secret, created_at) values (:u, :s, :now)")
                .param("u", userId).param("s", encryptor.encrypt(HexFormat.of().formatHex(secret)))
                .param("now", Timestamp.from(clock.instant())).update();
        return Optional.of(Totp.encode(secret));
    }

    /** Confirms a pending enrolment with a first code; returns the new recovery codes (shown once), or empty. */
    @Transactional
    public Optional<List<String>> confirm(long userId, String code) {
        var secret = secret(userId, false);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        var step = Totp.matchingStep(secret.get(), normalise(code), clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        int confirmed = jdbc.sql("update staff_second_factor set confirmed_at = :now, last_step = :step "
                        + "where user_id = :u and confirmed_at is null")
                .param("now", Timestamp.from(clock.instant())).param("step", step.getAsLong()).param("u", userId)
                .update();
        return confirmed == 1 ? Optional.of(newRecoveryCodes(userId)) : Optional.empty();
    }

    /** Checks a code or a recovery code at login; each is accepted once. */
    @Transactional
    public Outcome verify(long userId, String input) {
        String code = normalise(input);
        var secret = secret(userId, true);
        if (secret.isEmpty()) {
            return Outcome.REFUSED;
        }
        var step = Totp.matchingStep(secret.get(), code, clock.instant());
        if (step.isPresent()) {
            // atomic: of two requests with the same code (or an older one), only one gets through
            int accepted = jdbc.sql("update staff_second_factor set last_step = :step where user_id = :u "
                            + "and (last_step is null or last_step < :step)")
                    .param("step", step.getAsLong()).param("u", userId).update();
            return accepted == 1 ? Outcome.CODE : Outcome.REFUSED;
        }
        if (code.length() == 10) {
            int used = jdbc.sql("update staff_recovery_code set used_at = :now where user_id = :u and code_hash = :h "
                            + "and used_at is null")
                    .param("now", Timestamp.from(clock.instant())).param("u", userId).param("h", hash(code)).update();
            if (used > 0) {
                return Outcome.RECOVERY_CODE;
            }
        }
        return Outcome.REFUSED;
    }

    /**
     * New recovery codes for an enrolled account, the old ones void; only with a current code of the app (used up like a
     * login code), so that a session left open cannot take over the account's recovery. Empty when the code is wrong.
     */
    @Transactional
    public Optional<List<String>> renewRecoveryCodes(long userId, String input) {
        return useCurrentCode(userId, input) ? Optional.of(newRecoveryCodes(userId)) : Optional.empty();
    }

    /**
     * Whether this is a current code of the account's confirmed secret, used up as at login (for a step that wants the
     * second factor again: new recovery codes, a personal access token). A recovery code does not count here.
     */
    @Transactional
    public boolean useCurrentCode(long userId, String input) {
        var secret = secret(userId, true);
        if (secret.isEmpty()) {
            return false;
        }
        var step = Totp.matchingStep(secret.get(), normalise(input), clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.sql("update staff_second_factor set last_step = :step where user_id = :u "
                        + "and (last_step is null or last_step < :step)")
                .param("step", step.getAsLong()).param("u", userId).update() == 1;
    }

    /**
     * Whether this is a code of the account's confirmed secret for now (one step of drift either way), without using
     * it up: the JSON API asks for it on every request (see {@link ApiSecondFactor}).
     */
    boolean isCurrentCode(long userId, String input) {
        return secret(userId, true).map(s -> Totp.matchingStep(s, normalise(input), clock.instant()).isPresent())
                .orElse(false);
    }

    public long recoveryCodesLeft(long userId) {
        return jdbc.sql("select count(*) from staff_recovery_code where user_id = :u and used_at is null")
                .param("u", userId).query(Long.class).single();
    }

    /**
     * Removes the second factor and the recovery codes (the administrator's reset): the user enrols anew. The user's
     * personal access tokens are revoked too: they stood in for this second factor.
     */
    @Transactional
    public boolean reset(long userId) {
        tokens.revokeAll(userId);
        jdbc.sql("delete from staff_recovery_code where user_id = :u").param("u", userId).update();
        return jdbc.sql("delete from staff_second_factor where user_id = :u").param("u", userId).update() > 0;
    }

    private Optional<byte[]> secret(long userId, boolean confirmed) {
        return jdbc.sql("select secret from staff_second_factor where user_id = :u and confirmed_at is "
                        + (confirmed ? "not null" : "null"))
                .param("u", userId).query(String.class).optional()
                .map(s -> HexFormat.of().parseHex(encryptor.decrypt(s)));
    }

    private List<String> newRecoveryCodes(long userId) {
        jdbc.sql("delete from staff_recovery_code where user_id = :u").param("u", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            jdbc.sql("insert into staff_recovery_code (user_id, code_hash) values (:u, :h)").param("u", userId)
                    .param("h", hash(code.toString())).update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** Spaces and dashes (as people type codes) removed, lower case. */
    private static String normalise(String input) {
        return input == null ? "" : input.replaceAll("[\\s-]", "").toLowerCase();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
