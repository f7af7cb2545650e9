package nl.jobcoachmonitor.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an API request once per {@code Idempotency-Key}: the key is claimed in the transaction that does the work, so
 * a retry, a double click or twenty parallel copies of the request get the result of the one that ran. A concurrent
 * copy waits for the key's transaction (PostgreSQL blocks on the unique index; H2 reports a lock or duplicate) and then
 * replays its result. The same key with a different request is refused ({@link KeyReused}: 422 with a message, see
 * {@code ErrorHandling}). Used by the API's answers to a wave and by the start of a trajectory (table
 * {@code idempotency_key}, V9: keys are per user, so one key names one request of one user across the whole API).
 */
@Component
public class IdempotentRequests {

    private static final int ATTEMPTS = 100;
    private static final long PAUSE_MILLIS = 50;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The same key was used for a different request. */
    public static class KeyReused extends RuntimeException {
        KeyReused() {
            super("Idempotency-Key used for another request");
        }
    }

    private static class ClaimedElsewhere extends RuntimeException {
        ClaimedElsewhere() {
            super(null, null, false, false);
        }
    }

    /**
     * What a key stands for: SHA-256 of the request's scope (the path and anything else that makes it this request)
     * followed by its body as JSON, so the same request with its fields in another order or spacing is the same.
     */
    public String hash(String scope, Object body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((scope + json.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T once(long userId, String key, String requestHash, Class<T> type, Supplier<T> action) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> stored = find(userId, key);
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(requestHash)) {
                    throw new KeyReused();
                }
                return read(stored.get().result(), type);
            }
            try {
                return transaction.execute(status -> {
                    int claimed = jdbc.sql("insert into idempotency_key (user_id, idempotency_key, request_hash, "
                            + "created_at) values (:u, :k, :h, :now) on conflict do nothing").param("u", userId)
                            .param("k", key).param("h", requestHash).param("now", Timestamp.from(clock.instant()))
                            .update();
                    if (claimed == 0) {
                        throw new ClaimedElsewhere();
                    }
                    T result = action.get();
                    jdbc.sql("update idempotency_key set result = :r where user_id = :u and idempotency_key = :k")
                            .param("r", write(result)).param("u", userId).param("k", key).update();
                    return result;
                });
            } catch (ClaimedElsewhere | DuplicateKeyException | PessimisticLockingFailureException e) {
                pause();
            }
        }
        throw new ConflictException("idempotency_key", userId);
    }

    private record Stored(String requestHash, String result) {
    }

    private Optional<Stored> find(long userId, String key) {
        return jdbc.sql("select request_hash, result from idempotency_key where user_id = :u and idempotency_key = :k")
                .param("u", userId).param("k", key).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
