package nl.jobcoachmonitor.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The staff, commissioners and goals of an import: created, left alone the second time, and their problems. */
@IntegrationTest
class ImportOrganisationKindsTests {

    @Autowired Importer importer;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired PasswordEncoder encoder;

    long organisation;
    long manager;
    ImportCohort cohort;
    String coach;
    String commissioner;

    @BeforeEach
    void cohort() {
        manager = data.userId("manager");
        organisation = data.organisationOf("manager");
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 8) + "-";
        coach = prefix + "coach";
        commissioner = "Gemeente " + prefix;
        cohort = new ImportCohort(prefix, commissioner, LocalDate.now());
        cohort.cell("trajectories.csv", 2, "coach_username", coach);
        cohort.files.put("staff.csv", new ArrayList<>(List.of("username,display_name,email,role,enabled",
                coach + ",Nieuwe Coach," + coach + "@example.org,COACH,true")));
        cohort.files.put("commissioners.csv", new ArrayList<>(List.of("name,kind", commissioner + ",MUNICIPALITY")));
        cohort.files.put("goals.csv", new ArrayList<>(List.of("source_id,trajectory_source_id,description,themes,"
                + "agreed_with_employee,agreed_with_employer,review_on,status,created_on",
                cohort.p + "G1," + cohort.p + "T1,Volhouden,STRESS|LIMITS,true,false," + cohort.start.plusDays(90)
                        + ",OPEN," + cohort.start.plusDays(1),
                cohort.p + "G2," + cohort.p + "T1,Meer uren,,true,true," + cohort.start.plusDays(90) + ",PARTLY,"
                        + cohort.start.plusDays(1))));
        cohort.cell("contacts.csv", 2, "goal_source_ids", cohort.p + "G1|" + cohort.p + "G2");
    }

    ImportOutcome run(boolean store) {
        return importer.run(organisation, manager, cohort.write(), store, new ImportProgress(1));
    }

    ImportCount count(ImportOutcome outcome, ImportKind kind) {
        return outcome.counts().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    long internal(String kind, String source) {
        return jdbc.sql("select internal_id from import_source where kind = :k and source_id = :s and "
                + "organisation_id = :o").param("k", kind).param("s", cohort.p + source).param("o", organisation)
                .query(Long.class).single();
    }

    long accounts() {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", coach).query(Long.class)
                .single();
    }

    @Test
    void theDryRunCountsTheNewStaffCommissionerAndGoalsAndStoresNothing() {
        var outcome = run(false);
        assertThat(outcome.problems()).isEmpty();
        assertThat(count(outcome, ImportKind.STAFF).created()).isEqualTo(1);
        assertThat(count(outcome, ImportKind.COMMISSIONERS).created()).isEqualTo(1);
        assertThat(count(outcome, ImportKind.GOALS).created()).isEqualTo(2);
        assertThat(accounts()).isZero();
        assertThat(jdbc.sql("select count(*) from commissioner where name = :n").param("n", commissioner)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNewCoachGetsAnAccountWithoutAPasswordAndTheGoalsTheirContacts() {
        var outcome = run(true);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.stored()).isTrue();
        record Account(long id, String hash, String role, long organisation, boolean enabled) {
        }
        var account = jdbc.sql("select id, password_hash, role, organisation_id, enabled from app_user where username "
                + "= :u").param("u", coach).query((rs, n) -> new Account(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getBoolean(5))).single();
        assertThat(account.role()).isEqualTo("COACH");
        assertThat(account.organisation()).isEqualTo(organisation);
        assertThat(account.enabled()).isTrue();
        // a real hash of something nobody knows: no empty, obvious or imported password signs in
        assertThat(account.hash()).startsWith("{bcrypt}");
        for (String guess : List.of("", coach, "Nieuwe Coach", "password")) {
            assertThat(encoder.matches(guess, account.hash())).isFalse();
        }
        long t1 = internal("TRAJECTORIES", "T1");
        assertThat(jdbc.sql("select coach_id from trajectory where id = :t").param("t", t1).query(Long.class)
                .single()).isEqualTo(account.id());
        assertThat(jdbc.sql("select c.name from trajectory t join commissioner c on c.id = t.commissioner_id where "
                + "t.id = :t").param("t", t1).query(String.class).single()).isEqualTo(commissioner);
        long g1 = internal("GOALS", "G1");
        assertThat(jdbc.sql("select theme from goal_theme where goal_id = :g order by theme").param("g", g1)
                .query(String.class).list()).containsExactly("LIMITS", "STRESS");
        assertThat(jdbc.sql("select trajectory_id from goal where id = :g").param("g", g1).query(Long.class).single())
                .isEqualTo(t1);
        assertThat(jdbc.sql("select goal_id from contact_goal where contact_id = :c order by goal_id")
                .param("c", internal("CONTACTS", "C1")).query(Long.class).list())
                .containsExactly(g1, internal("GOALS", "G2"));
        // the account's creation is in the access log
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'app_user' and object_id like :i")
                .param("i", account.id() + ":%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSecondImportLeavesStaffCommissionersGoalsAndContactsAlone() {
        run(true);
        var again = run(true);
        assertThat(again.problems()).isEmpty();
        for (ImportCount count : again.counts()) {
            assertThat(count.created() + count.updated()).as(count.kind().name()).isZero();
        }
        assertThat(accounts()).isEqualTo(1);
    }

    @Test
    void aContactsChangedGoalsReplaceItsGoals() {
        run(true);
        cohort.cell("contacts.csv", 2, "goal_source_ids", cohort.p + "G2");
        var again = run(true);
        assertThat(again.problems()).isEmpty();
        assertThat(count(again, ImportKind.CONTACTS).updated()).isEqualTo(1);
        assertThat(jdbc.sql("select goal_id from contact_goal where contact_id = :c")
                .param("c", internal("CONTACTS", "C1")).query(Long.class).list())
                .containsExactly(internal("GOALS", "G2"));
    }

    @Test
    void badStaffAndGoalRowsGiveTheirProblemsAndNothingIsStored() {
        cohort.files.get("staff.csv").add("admin,Iemand,,MANAGER,true");
        cohort.files.get("staff.csv").add(coach.toUpperCase() + ",Dubbel,,COACH,");
        cohort.cell("goals.csv", 3, "agreed_with_employer", "misschien");
        cohort.cell("contacts.csv", 4, "goal_source_ids", cohort.p + "G9");
        cohort.cell("contacts.csv", 5, "goal_source_ids", cohort.p + "G1");
        var outcome = run(true);
        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.problems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column,
                ImportProblem::code).contains(
                        tuple("staff.csv", 3, "username", "staffTaken"),
                        tuple("staff.csv", 4, "username", "duplicate"),
                        tuple("goals.csv", 3, "agreed_with_employer", "boolean"),
                        tuple("contacts.csv", 4, "goal_source_ids", "unknownReference"),
                        tuple("contacts.csv", 5, "goal_source_ids", "goalTrajectory"));
        assertThat(accounts()).isZero();
    }
}
