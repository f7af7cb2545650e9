package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.OwnerDatabase;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalDataAccessed;
import nl.jobcoachmonitor.identity.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access log cannot be changed or emptied through the application's own database connection, on H2 and, in the
 * PostgreSQL run of the build, on PostgreSQL: the application's role owns nothing, may only read and add rows of
 * {@code audit_event}, and cannot switch the append-only trigger off or drop it. The trigger itself refuses changes
 * by the owner too.
 */
@IntegrationTest
class AppendOnlyTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired OwnerDatabase owner;
    @Autowired AccessLog log;

    @Test
    void auditRowsCanBeAddedButNeitherChangedNorDeleted() {
        log.on(new PersonalDataAccessed(Instant.now(), "append-test", Role.COACH, AccessAction.READ, "trajectory",
                "1", null, true, "127.0.0.1", null, null, OnBehalfOf.ORGANISATION, null));
        long rows = data.count("audit_event");

        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone-else' "
                + "where username = 'append-test'").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where username = 'append-test'").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate table audit_event").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(data.count("audit_event")).isEqualTo(rows);
        assertThat(data.count("audit_event", "username = :p", "append-test")).isEqualTo(1);
    }

    /** The owner may alter the table, but the trigger refuses its changes of rows as well. */
    @Test
    void theTriggerRefusesTheOwnersChangesToo() {
        assertThatThrownBy(() -> owner.jdbc().sql("update audit_event set username = 'someone-else'").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.jdbc().sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        if (owner.postgres()) {
            // H2 fires no trigger on TRUNCATE; there only the missing privilege stops the application's role.
            assertThatThrownBy(() -> owner.jdbc().sql("truncate table audit_event").update())
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        }
    }

    @Test
    void theApplicationCannotSwitchTheTriggerOffOrDropIt() {
        long rows = data.count("audit_event");
        List<String> statements = owner.postgres()
                ? List.of("alter table audit_event disable trigger audit_event_no_change",
                        "alter table audit_event disable trigger all",
                        "drop trigger audit_event_no_change on audit_event",
                        "drop function audit_event_append_only() cascade",
                        "alter table audit_event add column tampered int",
                        "create or replace function audit_event_append_only() returns trigger language plpgsql "
                                + "as $$ begin return new; end $$")
                : List.of("drop trigger audit_event_no_change",
                        "alter table audit_event add column tampered int",
                        "create trigger audit_event_tampered before insert on audit_event for each row "
                                + "call \"nl.jobcoachmonitor.audit.AppendOnly\"");
        try {
            for (String statement : statements) {
                assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
                        .isInstanceOf(DataAccessException.class);
            }
        } finally {
            restore();
        }
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(data.count("audit_event")).isEqualTo(rows);
    }

    @Test
    void theApplicationsRoleOwnsNothing() {
        if (owner.postgres()) {
            assertThat(jdbc.sql("select count(*) from pg_tables where tableowner = current_user").query(Long.class)
                    .single()).isZero();
            assertThat(jdbc.sql("select count(*) from pg_proc p join pg_roles r on r.oid = p.proowner "
                    + "where r.rolname = current_user").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles "
                    + "where rolname = current_user").query(Boolean.class).single()).isFalse();
        } else {
            assertThat(jdbc.sql("select is_admin from information_schema.users where user_name = current_user")
                    .query(Boolean.class).single()).isFalse();
        }
        assertThat(jdbc.sql("select current_user").query(String.class).single())
                .isNotEqualToIgnoringCase(owner.jdbc().sql("select current_user").query(String.class).single());
    }

    /**
     * Every table the migrations create (now and later) is readable and writable by the application, except the
     * access log (read and add only), the head of its hash chain (read and move on) and Flyway's own history.
     */
    @Test
    void theApplicationMayReadAndWriteEveryOtherTable() {
        List<String> tables = owner.jdbc().sql("select lower(table_name) from information_schema.tables "
                        + "where table_schema = current_schema and table_type = 'BASE TABLE'")
                .query(String.class).list();
        assertThat(tables).contains("audit_event", "audit_chain_head", "spring_session", "spring_session_attributes",
                "shedlock");
        for (String table : tables) {
            List<String> expected = switch (table) {
                case "flyway_schema_history" -> List.of();
                case "audit_event" -> List.of("SELECT", "INSERT");
                case "audit_chain_head" -> List.of("SELECT", "UPDATE");
                default -> List.of("SELECT", "INSERT", "UPDATE", "DELETE");
            };
            for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
                assertThat(holds(table, privilege)).as(privilege + " on " + table)
                        .isEqualTo(expected.contains(privilege));
            }
        }
    }

    private boolean holds(String table, String privilege) {
        if (owner.postgres()) {
            return jdbc.sql("select has_table_privilege(current_user, :t, :p)").param("t", table)
                    .param("p", privilege).query(Boolean.class).single();
        }
        return jdbc.sql("select count(*) from information_schema.table_privileges where grantee = current_user "
                        + "and lower(table_name) = :t and privilege_type = :p").param("t", table).param("p", privilege)
                .query(Long.class).single() > 0;
    }

    /** Puts the rule back should one of the statements above have got through (so other tests are not affected). */
    private void restore() {
        if (owner.postgres()) {
            owner.jdbc().sql("alter table audit_event enable trigger all").update();
            owner.jdbc().sql("alter table audit_event drop column if exists tampered").update();
        } else {
            owner.jdbc().sql("create trigger if not exists audit_event_no_change before update, delete on "
                    + "audit_event for each row call \"nl.jobcoachmonitor.audit.AppendOnly\"").update();
            owner.jdbc().sql("drop trigger if exists audit_event_tampered").update();
            owner.jdbc().sql("alter table audit_event drop column if exists tampered").update();
        }
    }
}
