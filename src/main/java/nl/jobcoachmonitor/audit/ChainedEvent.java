package nl.jobcoachmonitor.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One row of the access log as a link of its hash chain: its place in the chain ({@code chainSeq}, 1, 2, 3...), the
 * hash of the row before it ({@link #GENESIS} for the first) and its own content. Its hash is SHA-256 (hex) over all
 * of that in one fixed form, so changing, removing or reordering a row breaks the chain from that row on.
 *
 * <p>Public for the migration V24, which hashes the rows written before the chain existed.
 */
public record ChainedEvent(long chainSeq, String previousHash, Instant occurredAt, String username, String role,
        String action, String objectType, String objectId, Long personId, String outcome, String remoteAddress,
        Long userId, Long userOrganisationId, String onBehalfOf, Long personOrganisationId) {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    public ChainedEvent {
        // The databases keep microseconds: the hash is over what is stored, so it can be checked against it.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The row as stored ({@code audit_event}'s columns; {@code previous_hash} and {@code chain_seq} as given). */
    public static ChainedEvent of(ResultSet row, long chainSeq, String previousHash) throws SQLException {
        return new ChainedEvent(chainSeq, previousHash, row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("username"), row.getString("role"), row.getString("action"),
                row.getString("object_type"), row.getString("object_id"), row.getObject("person_id", Long.class),
                row.getString("outcome"), row.getString("remote_address"), row.getObject("user_id", Long.class),
                row.getObject("user_organisation_id", Long.class), row.getString("on_behalf_of"),
                row.getObject("person_organisation_id", Long.class));
    }

    /** SHA-256 in hex over the fields in a fixed order; each as its length and value, so no two rows read alike. */
    public String hash() {
        var text = new StringBuilder("jcm-audit-v1");
        for (Object field : new Object[] {chainSeq, previousHash, occurredAt, username, role, action, objectType,
                objectId, personId, outcome, remoteAddress, userId, userOrganisationId, onBehalfOf,
                personOrganisationId}) {
            if (field == null) {
                text.append("|-");
            } else {
                String value = field.toString();
                text.append('|').append(value.length()).append(':').append(value);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
