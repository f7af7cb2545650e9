package nl.jobcoachmonitor.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit module's one public read: who accessed a person's data and when, for the person themselves (their right
 * of access, GDPR art. 15). Staff are shown by their role and organisation, not by name: the person learns which
 * organisation looked and in what capacity, and a staff member's name stays out of a page reached by a link that may
 * be forwarded. Accesses without a signed-in user are the person's own (by their personal link) or the system's (the
 * nightly jobs). Refused attempts are left out: they show nothing of the person's data.
 *
 * <p>Reads the audit module's own table; staff accounts and organisations are looked up by name, so the module still
 * depends on no other (it is read by the own-data page, nothing else).
 */
@Component
public class AccessHistory {

    /** How many of the latest accesses a person sees. */
    public static final int LIMIT = 500;

    private final JdbcClient jdbc;

    AccessHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One access: when, what was done, what kind of data, by whom (role and organisation, both null without a user)
     * and on whose behalf ({@code EMPLOYEE}: the person themself, by their own link).
     */
    public record Access(Instant occurredAt, String action, String objectType, String role, String organisation,
            String onBehalfOf) {

        /** The person's own look at their data, by their personal link. */
        public boolean own() {
            return role == null && "EMPLOYEE".equals(onBehalfOf);
        }
    }

    /** The latest accesses to this person's data, newest first. */
    public List<Access> of(long personId) {
        return jdbc.sql("""
                select a.occurred_at, a.action, a.object_type, a.role, coalesce(o.name, c.name), a.on_behalf_of
                from audit_event a
                left join app_user u on u.username = a.username
                left join organisation o on o.id = u.organisation_id
                left join commissioner c on c.id = u.commissioner_id
                where a.person_id = :p and a.outcome = 'ALLOWED'
                order by a.occurred_at desc, a.id desc
                limit""" + " " + LIMIT)
                .param("p", personId)
                .query((rs, n) -> new Access(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
