package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The access log is append-only: on PostgreSQL a trigger refuses every UPDATE, DELETE and TRUNCATE of
 * {@code audit_event}, whoever asks (the application's own role included). On H2, the embedded default for trying the
 * application out, the same rule for UPDATE and DELETE is an H2 trigger class (H2 fires no trigger on TRUNCATE). A Java migration because the two databases write triggers
 * differently; everything else stays in the SQL migrations.
 */
public class V11__audit_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement sql = context.getConnection().createStatement()) {
            if ("PostgreSQL".equals(database)) {
                sql.execute("""
                        create function audit_event_append_only() returns trigger language plpgsql as $$
                        begin
                            raise exception 'audit_event is append-only: % refused', tg_op
                                using errcode = 'insufficient_privilege';
                        end $$""");
                sql.execute("create trigger audit_event_no_change before update or delete on audit_event "
                        + "for each row execute function audit_event_append_only()");
                sql.execute("create trigger audit_event_no_truncate before truncate on audit_event "
                        + "for each statement execute function audit_event_append_only()");
            } else if ("H2".equals(database)) {
                sql.execute("create trigger audit_event_no_change before update, delete on audit_event for each row "
                        + "call \"nl.jobcoachmonitor.audit.AppendOnly\"");
            }
        }
    }
}
