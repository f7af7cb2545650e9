package nl.jobcoachmonitor.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the JSON API: made by a staff member on their account page, shown once
 * ({@value #PREFIX} + 256 random bits, {@link PersonalTokens}), stored only as their SHA-256 hash; they work until
 * their expiry date (at most {@link #MAX_LIFETIME} ahead) or until revoked, and only while the account is not blocked.
 * A token is looked up by its hash (a unique index), so the time a lookup takes tells nothing about any stored token;
 * there is no password hashing on the way, which is what makes a token cheaper than HTTP Basic per request.
 */
@Component
public class ApiTokens {

    public static final String PREFIX = "jcm_";
    public static final java.time.Period MAX_LIFETIME = java.time.Period.ofYears(1);
    /** "Last used" is kept to this precision, so that a busy client does not write on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A token as its owner sees it in the list: never the token itself. */
    public record ApiToken(long id, String name, Instant createdAt, LocalDate validUntil, Instant lastUsedAt,
            Instant revokedAt, boolean active) {

        public boolean expired() {
            return revokedAt == null && !active;
        }
    }

    /** A token just made: the only moment its text exists outside the client. */
    public record Created(long id, String token) {
    }

    /** Whether a date may be chosen as the expiry (from tomorrow up to a year ahead). */
    public boolean allowedExpiry(LocalDate expiresOn) {
        LocalDate today = LocalDate.now(clock);
        return expiresOn.isAfter(today) && !expiresOn.isAfter(today.plus(MAX_LIFETIME));
    }

    /** Makes a token that works up to and including {@code expiresOn}. */
    @Transactional
    public Created create(long userId, String name, LocalDate expiresOn, boolean withSecondFactor) {
        if (!allowedExpiry(expiresOn)) {
            throw new IllegalArgumentException("expiry outside the allowed range: " + expiresOn);
        }
        String token = PREFIX + PersonalTokens.newToken();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        jdbc.sql("insert into api_token (user_id, name, token_hash, with_second_factor, created_at, expires_at) "
                        + "values (:u, :n, :h, :f, :now, :exp)")
                .param("u", userId).param("n", name.strip()).param("h", PersonalTokens.hash(token))
                .param("f", withSecondFactor).param("now", Timestamp.from(clock.instant()))
                .param("exp", Timestamp.from(expiresAt)).update();
        long id = jdbc.sql("select id from api_token where token_hash = :h").param("h", PersonalTokens.hash(token))
                .query(Long.class).single();
        return new Created(id, token);
    }

    /** The user's tokens, newest first. */
    public List<ApiToken> of(long userId) {
        Instant now = clock.instant();
        return jdbc.sql("select id, name, created_at, expires_at, last_used_at, revoked_at from api_token "
                        + "where user_id = :u order by created_at desc, id desc")
                .param("u", userId)
                .query((rs, n) -> {
                    Instant expires = rs.getTimestamp(4).toInstant();
                    Instant revoked = instant(rs.getTimestamp(6));
                    LocalDate validUntil = LocalDate.ofInstant(expires.minusSeconds(1), clock.getZone());
                    return new ApiToken(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), validUntil,
                            instant(rs.getTimestamp(5)), revoked, revoked == null && expires.isAfter(now));
                })
                .list();
    }

    /** Revokes one of the user's own tokens; false when it is not theirs or was revoked already. */
    @Transactional
    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("u", userId).update() == 1;
    }

    /** Revokes all of a user's tokens (their second factor was reset). */
    void revokeAll(long userId) {
        jdbc.sql("update api_token set revoked_at = :now where user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("u", userId).update();
    }

    /** What a presented token turned out to be. */
    interface Outcome {
    }

    /** No such token (or not even a token's form): a guess, counted by the throttle. */
    record Unknown() implements Outcome {
    }

    /** A real token that no longer works: revoked, expired, or its account blocked. */
    record Refused() implements Outcome {
    }

    record Accepted(CurrentUser user, boolean withSecondFactor) implements Outcome {
    }

    Outcome authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)
                || !PersonalTokens.wellFormed(token.substring(PREFIX.length()))) {
            return new Unknown();
        }
        record Row(long id, long userId, boolean withSecondFactor, Instant expiresAt, Instant lastUsedAt,
                Instant revokedAt) {
        }
        var found = jdbc.sql("select id, user_id, with_second_factor, expires_at, last_used_at, revoked_at "
                        + "from api_token where token_hash = :h")
                .param("h", PersonalTokens.hash(token))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .optional();
        if (found.isEmpty()) {
            return new Unknown();
        }
        Row row = found.get();
        Instant now = clock.instant();
        if (row.revokedAt() != null || !row.expiresAt().isAfter(now)) {
            return new Refused();
        }
        Optional<CurrentUser> user = accounts.findById(row.userId()).filter(UserAccount::isEnabled)
                .map(AccountDetailsService::currentUser);
        if (user.isEmpty()) {
            return new Refused();
        }
        if (row.lastUsedAt() == null || row.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", row.id()).update();
        }
        return new Accepted(user.get(), row.withSecondFactor());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
