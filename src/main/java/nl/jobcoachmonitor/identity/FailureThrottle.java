package nl.jobcoachmonitor.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failures per key (a user name, an address, an account) and blocks a key that reached its maximum until a
 * quiet period has passed since its last failure, so a steady guesser stays blocked. The counts are in the database
 * (table {@code throttle_failure}, migration V73), so every instance behind a load balancer sees the same count: a
 * failure on one instance counts on the other. Keys are stored as their SHA-256 hash.
 *
 * <p>Plain SQL that runs on H2 and PostgreSQL alike: a failure is one conditional update (counting from 1 again when
 * the last failure is older than the quiet period), or an insert when there is no row (and the update again when
 * another instance inserted it first); each row update is atomic in the database, so concurrent failures on two
 * instances both count. Failures are recorded in a transaction of their own, so a caller's rollback does not undo
 * them. Bucket4j's PostgreSQL integration was considered (issue 15): its token bucket stores an opaque serialized state
 * per key, has no H2 backend for the embedded default, and cannot say "blocked until five quiet minutes, cleared by a
 * success", which is what this throttle promises.
 */
public final class FailureThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String name;
    private final Duration block;

    FailureThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, String name,
            Duration block) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.name = name;
        this.block = block;
    }

    public boolean blocked(String key, int max) {
        Instant now = clock.instant();
        Integer failures = jdbc.sql("select failures from throttle_failure where throttle = :t and key_hash = :k "
                        + "and last_failure_at >= :expired")
                .param("t", name).param("k", hash(key)).param("expired", Timestamp.from(now.minus(block)))
                .query(Integer.class).optional().orElse(0);
        return failures >= max;
    }

    public void failed(String... keys) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp expired = Timestamp.from(now.minus(block));
        ownTransaction.executeWithoutResult(status -> {
            for (String key : keys) {
                String hash = hash(key);
                if (count(hash, at, expired) == 0 && jdbc.sql("insert into throttle_failure (throttle, key_hash, "
                                + "failures, last_failure_at) values (:t, :k, 1, :at) on conflict do nothing")
                        .param("t", name).param("k", hash).param("at", at).update() == 0) {
                    count(hash, at, expired); // another instance inserted it meanwhile
                }
            }
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                jdbc.sql("delete from throttle_failure where throttle = :t and last_failure_at < :expired")
                        .param("t", name).param("expired", expired).update();
            }
        });
    }

    public void reset(String key) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "delete from throttle_failure where throttle = :t and key_hash = :k")
                .param("t", name).param("k", hash(key)).update());
    }

    private int count(String hash, Timestamp at, Timestamp expired) {
        return jdbc.sql("""
                update throttle_failure
                set failures = case when last_failure_at < :expired then 1 else failures + 1 end, last_failure_at = :at
                where throttle = :t and key_hash = :k""")
                .param("expired", expired).param("at", at).param("t", name).param("k", hash).update();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
