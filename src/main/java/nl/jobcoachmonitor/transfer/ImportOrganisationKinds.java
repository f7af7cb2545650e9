package nl.jobcoachmonitor.transfer;

import java.util.List;

import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.IdentityManagement;
import nl.jobcoachmonitor.identity.PersonalDataAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The kinds an organisation's full export brings besides the caseloads, so that it imports into an empty installation:
 * the staff ({@code staff.csv}, by user name), the commissioners ({@code commissioners.csv}, by name) and the goals of
 * the coaching plans ({@code goals.csv}) with the contacts' references to them ({@code goal_source_ids}). Checked,
 * counted and stored set-based over the staging tables, in the import's transaction, like the other kinds
 * ({@link Importer}); this class holds their SQL so the importer only calls it at each step.
 *
 * <p>A staff member who is not there yet gets an account without a password, as the user administration makes them
 * ({@link IdentityManagement#passwordNobodyKnows()}): they sign in once an administrator has sent the invitation to
 * choose one. An account that exists in this organisation with the same role is left alone (accounts are administered
 * on the user pages, not by an import); a user name used elsewhere, or with another role, is a problem. A commissioner
 * that exists (by name, ignoring case) is left alone; a new one is created (its grant rules are set by the
 * administrator).
 */
@Component
class ImportOrganisationKinds {

    /** The importer's side of one run: problems as rows, statements, whether a kind was uploaded. */
    interface Run {
        /** Adds a problem per row the query selects (row number, argument), when the kind was uploaded. */
        void rows(ImportKind kind, String column, String code, String sql);

        void update(String sql);

        boolean uploaded(ImportKind kind);

        /** Whether rows of the kind were imported into the organisation before. */
        boolean mapped(ImportKind kind);

        ImportStage stage();
    }

    /** The staging table of the contacts' goal references, one row per contact and goal. */
    static final String CONTACT_GOALS = "import_stage_contact_goal";

    static final String CONTACT_GOAL_COLUMNS = "rn integer not null, goal_source_id varchar(100) not null, "
            + "goal_id bigint";

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final PersonalDataAccess access;

    ImportOrganisationKinds(JdbcClient jdbc, IdentityManagement identity, PersonalDataAccess access) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
    }

    private static final String STAFF = ImportKind.STAFF.stage();
    private static final String COMMISSIONERS = ImportKind.COMMISSIONERS.stage();
    private static final String GOALS = ImportKind.GOALS.stage();
    private static final String CONTACTS = ImportKind.CONTACTS.stage();

    /** After reading: the contacts' goal references, split on {@code |}, one row each. */
    void staged(Run run) {
        if (!run.uploaded(ImportKind.CONTACTS)) {
            return;
        }
        record Reference(int rn, String goals) {
        }
        var references = jdbc.sql("select rn, goal_source_ids from " + CONTACTS + " where goal_source_ids is not null")
                .query((rs, n) -> new Reference(rs.getInt(1), rs.getString(2))).list();
        for (Reference reference : references) {
            var goals = new java.util.LinkedHashSet<String>();
            for (String part : reference.goals().split("\\|")) {
                if (!part.isBlank()) {
                    goals.add(part.strip());
                }
            }
            for (String goal : goals) {
                jdbc.sql("insert into " + CONTACT_GOALS + " (rn, goal_source_id) values (:rn, :g)")
                        .param("rn", reference.rn()).param("g", goal).update();
            }
        }
    }

    /** The checks across rows of these kinds. */
    void check(Run run) {
        run.rows(ImportKind.STAFF, "username", "duplicate", duplicates(STAFF, "username", true));
        run.rows(ImportKind.STAFF, "username", "staffTaken", "select s.rn, s.username from " + STAFF + " s where "
                + "exists (select 1 from app_user u where u.username = lower(s.username) and (u.organisation_id "
                + "is null or u.organisation_id <> :org or u.role <> s.role))");
        run.rows(ImportKind.COMMISSIONERS, "name", "duplicate", duplicates(COMMISSIONERS, "name", true));
        run.rows(ImportKind.GOALS, "source_id", "duplicate", duplicates(GOALS, "source_id", false));
        run.rows(ImportKind.GOALS, "trajectory_source_id", "unknownReference", "select s.rn, s.trajectory_source_id "
                + "from " + GOALS + " s where not " + known(ImportKind.TRAJECTORIES, "s.trajectory_source_id"));
        run.rows(ImportKind.CONTACTS, "goal_source_ids", "unknownReference", "select r.rn, r.goal_source_id from "
                + CONTACT_GOALS + " r where not " + known(ImportKind.GOALS, "r.goal_source_id"));
        // a contact works on goals of its own trajectory
        run.rows(ImportKind.CONTACTS, "goal_source_ids", "goalTrajectory", "select r.rn, r.goal_source_id from "
                + CONTACT_GOALS + " r join " + CONTACTS + " c on c.rn = r.rn join " + GOALS + " g on g.source_id = "
                + "r.goal_source_id where g.trajectory_source_id <> c.trajectory_source_id");
    }

    /** The condition that a coach's user name is a coach of the upload's staff.csv. */
    static String stagedCoach(String username) {
        return "exists (select 1 from " + STAFF + " st where lower(st.username) = lower(" + username
                + ") and st.role = 'COACH')";
    }

    /** The condition that a commissioner's name is in the upload's commissioners.csv. */
    static String stagedCommissioner(String name) {
        return "exists (select 1 from " + COMMISSIONERS + " sc where lower(sc.name) = lower(" + name + "))";
    }

    private static String duplicates(String table, String column, boolean ignoringCase) {
        String same = ignoringCase ? "lower(d." + column + ") = lower(s." + column + ")"
                : "d." + column + " = s." + column;
        return "select s.rn, s." + column + " from " + table + " s where exists (select 1 from " + table + " d where "
                + same + " and d.rn < s.rn)";
    }

    private static String known(ImportKind kind, String ref) {
        return "(" + ref + " in (select r.source_id from " + kind.stage() + " r where r.source_id is not null) or "
                + ref + " in (select m.source_id from import_source m where m.organisation_id = :org and m.kind = '"
                + kind.name() + "'))";
    }

    /** The states (new, changed, left alone) of these kinds; the trajectories' ids are already resolved. */
    void count(Run run) {
        run.update("update " + STAFF + " s set internal_id = (select u.id from app_user u where u.username = "
                + "lower(s.username) and u.organisation_id = :org and u.role = s.role)");
        run.update("update " + STAFF + " set state = case when internal_id is null then 'N' else 'S' end");
        run.update("update " + COMMISSIONERS + " s set internal_id = (select min(c.id) from commissioner c where "
                + "lower(c.name) = lower(s.name))");
        run.update("update " + COMMISSIONERS + " set state = case when internal_id is null then 'N' else 'S' end");

        if (run.mapped(ImportKind.GOALS)) {
            run.update("merge into " + GOALS + " s using (select source_id, internal_id from import_source where "
                    + "organisation_id = :org and kind = 'GOALS') m on s.source_id = m.source_id when matched then "
                    + "update set internal_id = m.internal_id");
            run.update("update " + GOALS + " s set internal_id = null where s.internal_id is not null and not exists "
                    + "(select 1 from goal x join trajectory t on t.id = x.trajectory_id where x.id = s.internal_id "
                    + "and t.organisation_id = :org)");
        }
        run.update("update " + GOALS + " s set state = case when s.internal_id is null then 'N' when exists (select 1 "
                + "from goal x where x.id = s.internal_id and x.trajectory_id = s.trajectory_id and x.description = "
                + "s.description and x.agreed_with_employee = s.agreed_with_employee and x.agreed_with_employer = "
                + "s.agreed_with_employer and x.review_on = s.review_on and x.status = s.status and x.created_on = "
                + "s.created_on) and s.themes = (select coalesce(sum(b.bit), 0) from goal_theme gt join "
                + "import_stage_theme b on b.theme = gt.theme where gt.goal_id = s.internal_id) then 'S' else 'U' end");

        // a contact whose goals differ from its stored ones changes (only when the upload speaks of goals at all: a
        // contacts file without goals leaves the contacts' goals alone)
        if (!goalsInUpload(run)) {
            return;
        }
        resolveGoals(run);
        run.update("update " + CONTACTS + " c set state = 'U' where c.state = 'S' and (exists (select 1 from "
                + CONTACT_GOALS + " r where r.rn = c.rn and (r.goal_id is null or not exists (select 1 from "
                + "contact_goal x where x.contact_id = c.internal_id and x.goal_id = r.goal_id))) or exists (select 1 "
                + "from contact_goal x where x.contact_id = c.internal_id and not exists (select 1 from "
                + CONTACT_GOALS + " r where r.rn = c.rn and r.goal_id = x.goal_id)))");
    }

    private boolean goalsInUpload(Run run) {
        return run.uploaded(ImportKind.GOALS) || jdbc.sql("select count(*) from (select 1 from " + CONTACT_GOALS
                + " limit 1) x").query(Long.class).single() > 0;
    }

    private void resolveGoals(Run run) {
        run.update("update " + CONTACT_GOALS + " r set goal_id = coalesce((select g.internal_id from " + GOALS
                + " g where g.source_id = r.goal_source_id), (select m.internal_id from import_source m where "
                + "m.organisation_id = :org and m.kind = 'GOALS' and m.source_id = r.goal_source_id))");
    }

    /**
     * First of all: the staff and commissioners that are new, then the trajectories' coach and commissioner ids
     * again (a new coach or commissioner has one only now).
     */
    void storeStaff(Run run, long organisationId, long userId) throws java.sql.SQLException {
        var stage = run.stage();
        boolean newStaff = jdbc.sql("select count(*) from " + STAFF + " where state = 'N'").query(Long.class)
                .single() > 0;
        if (newStaff) {
            // one hash for the import: of a random token nobody ever sees
            String hash = identity.passwordNobodyKnows().replace("'", "''");
            stage.insertNew(ImportKind.STAFF, "app_user", List.of("username", "password_hash", "display_name",
                    "email", "role", "organisation_id", "enabled", "version"), List.of("lower(s.username)", "'" + hash
                            + "'", "s.display_name", "s.email", "s.role", String.valueOf(organisationId),
                            "coalesce(s.enabled, true)", "0"), null);
            jdbc.sql("select internal_id, role from " + STAFF + " where state = 'N' order by rn")
                    .query((rs, n) -> {
                        access.accountAdministered(AccessAction.CREATE, rs.getLong(1) + ": " + rs.getString(2)
                                + ", organisation " + organisationId + ", by import", organisationId);
                        return null;
                    }).list();
        }
        boolean newCommissioners = jdbc.sql("select count(*) from " + COMMISSIONERS + " where state = 'N'")
                .query(Long.class).single() > 0;
        if (!newStaff && !newCommissioners) {
            return;
        }
        stage.insertNew(ImportKind.COMMISSIONERS, "commissioner", List.of("name", "kind", "version"),
                List.of("s.name", "s.kind", "0"), null);
        String trajectories = ImportKind.TRAJECTORIES.stage();
        run.update("merge into " + trajectories + " s using (select id, username from app_user where "
                + "organisation_id = :org and role = 'COACH') u on lower(s.coach_username) = u.username "
                + "when matched then update set coach_id = u.id");
        run.update("merge into " + trajectories + " s using (select id, name from commissioner) c on "
                + "lower(s.commissioner) = lower(c.name) when matched then update set commissioner_id = c.id");
    }

    /** After the contacts: the goals (the trajectories' ids resolved), their themes, and the contacts' goals. */
    void storeGoals(Run run, long userId) throws java.sql.SQLException {
        var stage = run.stage();
        stage.insertNew(ImportKind.GOALS, "goal", List.of("trajectory_id", "description", "agreed_with_employee",
                "agreed_with_employer", "review_on", "status", "created_on", "created_by", "version"),
                List.of("s.trajectory_id", "s.description", "s.agreed_with_employee", "s.agreed_with_employer",
                        "s.review_on", "s.status", "s.created_on", String.valueOf(userId), "0"), null);
        run.update("merge into goal g using (select * from " + GOALS + " where state = 'U') s on g.id = s.internal_id "
                + "when matched then update set trajectory_id = s.trajectory_id, description = s.description, "
                + "agreed_with_employee = s.agreed_with_employee, agreed_with_employer = s.agreed_with_employer, "
                + "review_on = s.review_on, status = s.status, created_on = s.created_on, version = g.version + 1");
        run.update("delete from goal_theme where goal_id in (select internal_id from " + GOALS + " where state = 'U')");
        run.update("insert into goal_theme (goal_id, theme) select s.internal_id, b.theme from " + GOALS + " s join "
                + "import_stage_theme b on " + stage.bitAnd("s.themes", "b.bit") + " <> 0 where s.state in ('N', 'U')");

        if (!run.uploaded(ImportKind.CONTACTS) || !goalsInUpload(run)) {
            return;
        }
        resolveGoals(run);
        run.update("delete from contact_goal where contact_id in (select internal_id from " + CONTACTS
                + " where state = 'U')");
        run.update("insert into contact_goal (contact_id, goal_id) select c.internal_id, r.goal_id from "
                + CONTACT_GOALS + " r join " + CONTACTS + " c on c.rn = r.rn where c.state in ('N', 'U') and "
                + "r.goal_id is not null");
    }
}
