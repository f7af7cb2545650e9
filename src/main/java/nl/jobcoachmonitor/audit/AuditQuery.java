package nl.jobcoachmonitor.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searches the access log of one organisation: the events about persons whose data it holds, and the events of its
 * own users. Newest first.
 */
@Component
class AuditQuery {

    /** The CSV download stops here; the page says to narrow the search when there are more. */
    static final int MAX_DOWNLOAD = 100_000;

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditPage page(long organisationId, AuditFilter filter, ZoneId zone) {
        var where = Where.of(organisationId, filter, zone);
        long total = jdbc.sql("select count(*) from audit_event " + where.sql()).params(where.params())
                .query(Long.class).single();
        // a page past the end shows the last page
        int page = (int) Math.min(filter.page(), Math.max(0, (total - 1) / AuditFilter.PAGE_SIZE));
        var rows = jdbc.sql("select * from audit_event " + where.sql()
                        + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(where.params())
                .param("limit", AuditFilter.PAGE_SIZE)
                .param("offset", (long) page * AuditFilter.PAGE_SIZE)
                .query(AuditQuery::entry).list();
        return new AuditPage(rows, total, page);
    }

    List<AuditEntry> all(long organisationId, AuditFilter filter, ZoneId zone) {
        var where = Where.of(organisationId, filter, zone);
        return jdbc.sql("select * from audit_event " + where.sql() + " order by occurred_at desc, id desc limit :limit")
                .params(where.params()).param("limit", MAX_DOWNLOAD)
                .query(AuditQuery::entry).list();
    }

    /** The organisation's scope and the conditions the filter names (only those: no nulls to type). */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(long organisationId, AuditFilter f, ZoneId zone) {
            var sql = new StringBuilder("where (user_organisation_id = :org or person_organisation_id = :org)");
            Map<String, Object> params = new HashMap<>();
            params.put("org", organisationId);
            if (!f.user().isEmpty()) {
                sql.append(" and username = :user");
                params.put("user", f.user());
            }
            if (f.person() != null) {
                sql.append(" and person_id = :person");
                params.put("person", f.person());
            }
            if (f.from() != null) {
                sql.append(" and occurred_at >= :from");
                params.put("from", f.from().atStartOfDay(zone).toOffsetDateTime());
            }
            if (f.to() != null) {
                sql.append(" and occurred_at < :to");
                params.put("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            }
            if (f.event() == AuditEventType.DENIED) {
                sql.append(" and outcome = 'DENIED'");
            } else if (f.event() != null) {
                sql.append(" and action = :action");
                params.put("action", f.event().name());
            }
            return new Where(sql.toString(), params);
        }
    }

    /** A person found by the privacy officer: pseudonymous id (the log's person number), name, date of birth. */
    record Person(long id, String name, LocalDate birthDate) {
    }

    /**
     * Employees of this organisation whose name contains the text (case-insensitive; blank: any)
     * and who were born on the date (null: any); at most 50, by name.
     */
    List<Person> persons(long organisationId, String name, LocalDate birthDate) {
        String pattern = nl.jobcoachmonitor.shared.Like.containing(name);
        var sql = new StringBuilder("""
                select e.id, e.first_name, e.last_name, e.birth_date from employee e
                where e.organisation_id = :org and lower(concat(e.first_name, ' ', e.last_name)) like :pattern escape '\\'""");
        var params = new HashMap<String, Object>();
        params.put("org", organisationId);
        params.put("pattern", pattern);
        if (birthDate != null) {
            sql.append(" and e.birth_date = :birth");
            params.put("birth", birthDate);
        }
        sql.append(" order by e.last_name, e.first_name, e.id limit 50");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Person(rs.getLong(1),
                rs.getString(2) + " " + rs.getString(3), rs.getObject(4, LocalDate.class))).list();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                rs.getString("role"), rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getObject("person_id", Long.class), rs.getString("outcome"), rs.getString("remote_address"),
                rs.getString("on_behalf_of"));
    }
}
