package nl.jobcoachmonitor.analytics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record keys of the cell key method ({@link CellKeyPerturbation}): every unit a report counts (a trajectory, a
 * coach) has a random 64-bit key, {@code HMAC-SHA256(secret, "trajectory:" + id)} cut to its first 8 bytes. The
 * secret is 32 random bytes in {@code disclosure_secret}, made on first use (inserted only when absent, so several
 * instances agree on it). Keys are cached: a report over 200,000 trajectories computes each key once per process.
 * The trajectories' keys are kept in a map of primitive longs, and a report takes all of its keys in one call: a
 * {@code Map<Long, Long>} boxed each id again on every look-up (bench/README.md, "Report allocation").
 */
@Component
class RecordKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    /** Guarded by itself. */
    private final LongKeys trajectories = new LongKeys();
    private final ConcurrentHashMap<Long, Long> coaches = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);
    private volatile byte[] secret;

    RecordKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    long trajectory(long id) {
        Mac mac = macs.get();
        synchronized (trajectories) {
            return trajectoryKey(mac, id);
        }
    }

    /** The keys of the first {@code n} trajectories of {@code ids}, in their order. */
    long[] trajectories(long[] ids, int n) {
        long[] keys = new long[n];
        Mac mac = macs.get();
        synchronized (trajectories) {
            for (int i = 0; i < n; i++) {
                keys[i] = trajectoryKey(mac, ids[i]);
            }
        }
        return keys;
    }

    private long trajectoryKey(Mac mac, long id) {
        int slot = trajectories.slot(id);
        if (trajectories.has(slot)) {
            return trajectories.value(slot);
        }
        long key = ByteBuffer.wrap(mac.doFinal(("trajectory:" + id).getBytes(StandardCharsets.UTF_8)))
                .getLong();
        trajectories.put(slot, id, key);
        return key;
    }

    /** An open-addressing map from long to long (linear probing, at most half full); not thread-safe. */
    private static final class LongKeys {

        private long[] ids = new long[1 << 10];
        private long[] values = new long[1 << 10];
        private boolean[] used = new boolean[1 << 10];
        private int size;

        int slot(long id) {
            int mask = ids.length - 1;
            int slot = Long.hashCode(id * 0x9E3779B97F4A7C15L) & mask;
            while (used[slot] && ids[slot] != id) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        boolean has(int slot) {
            return used[slot];
        }

        long value(int slot) {
            return values[slot];
        }

        void put(int slot, long id, long value) {
            ids[slot] = id;
            values[slot] = value;
            used[slot] = true;
            if (++size * 2 > ids.length) {
                long[] oldIds = ids;
                long[] oldValues = values;
                boolean[] oldUsed = used;
                ids = new long[2 * oldIds.length];
                values = new long[2 * oldIds.length];
                used = new boolean[2 * oldIds.length];
                for (int i = 0; i < oldIds.length; i++) {
                    if (oldUsed[i]) {
                        int s = slot(oldIds[i]);
                        ids[s] = oldIds[i];
                        values[s] = oldValues[i];
                        used[s] = true;
                    }
                }
            }
        }
    }

    long coach(long id) {
        return key(coaches, "coach:", id);
    }

    private long key(ConcurrentHashMap<Long, Long> cache, String kind, long id) {
        Long key = cache.get(id);
        if (key == null) {
            key = ByteBuffer.wrap(macs.get().doFinal((kind + id).getBytes(StandardCharsets.UTF_8))).getLong();
            cache.putIfAbsent(id, key);
        }
        return key;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            synchronized (this) {
                if (secret == null) {
                    String stored;
                    try {
                        stored = newTransaction.execute(status -> storedOrNew());
                    } catch (DuplicateKeyException anotherInstanceWasFirst) {
                        stored = newTransaction.execute(status -> stored());
                    }
                    secret = Base64.getDecoder().decode(stored);
                }
                s = secret;
            }
        }
        return s;
    }

    /** The stored secret; a new one stored first when there is none (when another instance wins, the caller retries). */
    private String storedOrNew() {
        var stored = jdbc.sql("select secret from disclosure_secret where id = 1").query(String.class).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.sql("insert into disclosure_secret (id, secret) select 1, :s where not exists "
                + "(select 1 from disclosure_secret where id = 1)")
                .param("s", Base64.getEncoder().encodeToString(random)).update();
        return stored();
    }

    private String stored() {
        return jdbc.sql("select secret from disclosure_secret where id = 1").query(String.class).single();
    }
}
