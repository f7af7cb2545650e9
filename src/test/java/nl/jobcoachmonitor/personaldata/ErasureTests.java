package nl.jobcoachmonitor.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.OwnerDatabase;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.mail.EmployeeLinkMails;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.outcomes.CorrectionRequests;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.GoalForm;
import nl.jobcoachmonitor.plan.GoalStatus;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.plan.ReportForm;
import nl.jobcoachmonitor.plan.ReviewGoalForm;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.trajectory.ChangePhaseForm;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.CorrectEmployeeForm;
import nl.jobcoachmonitor.trajectory.EmployeeErasure;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Erasure after the retention period and on request: what goes, what stays, and all or nothing. */
@IntegrationTest
class ErasureTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired OwnerDatabase owner;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired MeasurementManagement measurement;
    @Autowired UserDetailsService users;
    @Autowired CorrectionRequests corrections;
    @Autowired RetentionJob job;
    @Autowired Erasure erasure;
    @Autowired PlanManagement plans;
    @Autowired AccountabilityManagement accountability;
    @Autowired EmployeeLinkMails employeeLinkMails;

    OwnDataFixture fixture;
    long commissioner;

    @AfterEach
    void closeRunning() {
        fixture.closeRunning();
    }

    @BeforeEach
    void setUp() {
        fixture = new OwnDataFixture(mvc, data, jdbc, trajectories, contacts, measurement, users);
        commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
    }

    /** A trajectory started in 2020 with a contact note, a correction request and links, closed on this day. */
    long closedOn(String name, LocalDate closedOn) throws Exception {
        long id = fixture.trajectory(name, "Bewaard", "Notitie over " + name, LocalDate.of(2020, 3, 2), commissioner);
        long employee = data.employeeIdOf(id);
        fixture.link(id);
        corrections.request(employee, "Mijn naam is " + name);
        correctEmail(id, name);
        planAndReport(id, name);
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t order by due_on limit 1")
                .param("t", id).query(Long.class).single();
        jdbc.sql("insert into questionnaire_link (wave_id, respondent, person_id, token_hash, created_at) "
                + "values (:w, 'EMPLOYEE', :p, :h, current_timestamp)").param("w", wave).param("p", employee)
                .param("h", "f".repeat(48) + Long.toHexString(id + 1_000_000_000L)).update();
        trajectories.changePhase(fixture.coach(), id, new ChangePhaseForm(data.version(id), TrajectoryPhase.CLOSED,
                closedOn, ClosingReason.JOB_KEPT_COACHING_NO_LONGER_NEEDED, null, null, null, null, null));
        return id;
    }

    /** The coach corrects the employee's e-mail: the history names the person in its old and new value. */
    void correctEmail(long id, String name) {
        var before = trajectories.employeeForm(fixture.coach(), id);
        trajectories.correctEmployee(fixture.coach(), id, new CorrectEmployeeForm(before.version(),
                before.firstName(), before.lastName(), name.toLowerCase() + ".gecorrigeerd@example.org",
                before.phone()));
    }

    /** The own-data link and the assessment link mailed to the employee (no wave; kept in the outbox, demo mode). */
    void mailLinks(long id) throws Exception {
        mvc.perform(post("/trajectories/{id}/own-data-mail", id).with(data.as("coach")).with(csrf())
                .param("language", "nl"));
        employeeLinkMails.sendAssessment(fixture.coach(), id, "http://localhost", "a".repeat(43),
                LocalDate.now().plusDays(30), "nl");
    }

    /** A goal in the employee's words (reviewed), a contact with a reason, and a signed-off report, all naming them. */
    void planAndReport(long id, String name) {
        var coach = fixture.coach();
        long goal = plans.addGoal(coach, id, new GoalForm("Doel van " + name, Set.of(Theme.STRESS), true, true,
                LocalDate.now().plusMonths(1)));
        plans.reviewGoal(coach, id, goal, new ReviewGoalForm(GoalStatus.CHANGED, "Opmerking over " + name,
                "Nieuw doel van " + name, LocalDate.now().plusMonths(2)));
        contacts.log(coach, id, new LogContactForm(LocalDate.of(2020, 3, 3), 30, Party.EMPLOYEE,
                ContactMode.WORKPLACE_VISIT, Set.of(), "Notitie over " + name, "Reden bij " + name, Set.of(goal)));
        jdbc.sql("insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months, "
                + "report_every_months, report_template, satisfaction_norm) select :c, 10, 6, 12, 6, 'UWV', 6.5 "
                + "where not exists (select 1 from grant_rule where commissioner_id = :c)").param("c", commissioner)
                .update();
        long report = accountability.generate(coach, id, LocalDate.of(2020, 3, 2));
        accountability.save(coach, id, report, new ReportForm("Samenvatting over " + name, 8, "Prima, " + name, 7,
                "Goed, " + name));
        accountability.signOff(coach, id, report);
    }

    /** Texts of the plan, the contacts' reasons and the reports that still mention this name. */
    long planTextsMentioning(String name) {
        String like = "%" + name + "%";
        return jdbc.sql("""
                select (select count(*) from goal where description like :n)
                  + (select count(*) from goal_review where previous_description like :n or remark like :n)
                  + (select count(*) from contact where reason like :n)
                  + (select count(*) from accountability_report where summary like :n or employee_remark like :n
                       or employer_remark like :n or employee_name like :n)
                  + (select count(*) from accountability_report_line where label like :n)""")
                .param("n", like).query(Long.class).single();
    }

    record Snapshot(String firstName, String lastName, LocalDate birthDate, String email, String phone, Object erasedAt,
            String jobTitle, List<String> notes, long ownLinks, long questionnaireLinks, List<String> requests,
            long erasures, long indicators, long contactRows, long mails, List<String> correctionValues) {
    }

    Snapshot snapshot(long trajectoryId) {
        long employee = data.employeeIdOf(trajectoryId);
        var person = jdbc.sql("select first_name, last_name, birth_date, email, phone, erased_at from employee "
                + "where id = :e").param("e", employee)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6)}).list().get(0);
        return new Snapshot((String) person[0], (String) person[1], (LocalDate) person[2], (String) person[3],
                (String) person[4], person[5],
                jdbc.sql("select job_title from trajectory where id = :t").param("t", trajectoryId)
                        .query((rs, n) -> rs.getString(1)).list().get(0),
                jdbc.sql("select coalesce(note, '') from contact where trajectory_id = :t order by id")
                        .param("t", trajectoryId).query(String.class).list(),
                data.count("own_data_link", "employee_id = :p", employee),
                jdbc.sql("select count(*) from questionnaire_link l join measurement_wave w on w.id = l.wave_id "
                        + "where w.trajectory_id = :t").param("t", trajectoryId).query(Long.class).single(),
                jdbc.sql("select coalesce(request_text, '') from signal where trajectory_id = :t "
                        + "and kind = 'CORRECTION_REQUESTED'").param("t", trajectoryId).query(String.class).list(),
                data.count("person_erasure", "employee_id = :p", employee),
                data.count("trajectory_indicator", "trajectory_id = :p", trajectoryId),
                data.count("contact", "trajectory_id = :p", trajectoryId),
                data.count("questionnaire_mail", "person_id = :p", employee),
                jdbc.sql("select coalesce(old_value, '') || coalesce(new_value, '') from correction "
                        + "where employee_id = :e").param("e", employee).query(String.class).list());
    }

    @Test
    void theJobErasesAfterTheRetentionPeriodAndNotBefore() throws Exception {
        LocalDate today = LocalDate.now();
        long due = closedOn("Verlopen", today.minus(Period.ofYears(2)).minusDays(1));
        long notYet = closedOn("Binnenkort", today.minus(Period.ofYears(2)).plusDays(1));
        long running = fixture.trajectory("Lopend", "Traject", "Nog bezig");
        mailLinks(due);
        var notYetBefore = snapshot(notYet);
        var runningBefore = snapshot(running);
        var dueBefore = snapshot(due);
        long employee = data.employeeIdOf(due);
        LocalDate coachingStart = jdbc.sql("select coaching_started_on from trajectory_indicator where trajectory_id "
                + "= :t").param("t", due).query(LocalDate.class).optional().orElse(LocalDate.of(2020, 3, 2));
        int ageAtStart = Period.between(dueBefore.birthDate(), coachingStart).getYears();

        mvc.perform(get("/caseload").param("q", "Verlopen").with(data.as("coach")));

        assertThat(job.eraseDue()).isGreaterThanOrEqualTo(1);

        var after = snapshot(due);
        assertThat(after.firstName()).isEqualTo(EmployeeErasure.ERASED);
        assertThat(after.lastName()).isEqualTo(EmployeeErasure.ERASED);
        assertThat(after.email()).isNull();
        assertThat(after.phone()).isNull();
        assertThat(after.erasedAt()).isNotNull();
        assertThat(after.jobTitle()).isNull();
        assertThat(after.notes()).containsOnly("");
        assertThat(after.ownLinks()).isZero();
        assertThat(after.questionnaireLinks()).isZero();
        assertThat(dueBefore.mails()).as("own-data and assessment mails before").isEqualTo(2);
        assertThat(after.mails()).as("every mail about the person, with or without a wave").isZero();
        assertThat(after.requests()).containsOnly("");
        assertThat(dueBefore.correctionValues()).as("the e-mail's correction, old and new")
                .containsExactly("verlopen@example.orgverlopen.gecorrigeerd@example.org");
        assertThat(after.correctionValues()).as("the history keeps that it was corrected, not the values")
                .containsExactly("");
        assertThat(after.erasures()).isEqualTo(1);
        assertThat(Period.between(after.birthDate(), coachingStart).getYears()).as("the age band stays")
                .isEqualTo(ageAtStart);
        assertThat(after.birthDate()).isNotEqualTo(dueBefore.birthDate());
        assertThat(after.indicators()).as("indicators stay").isEqualTo(dueBefore.indicators());
        assertThat(after.contactRows()).as("contact minutes stay").isEqualTo(dueBefore.contactRows());

        assertThat(planTextsMentioning("Verlopen")).as("goals, reviews, reasons and report texts erased").isZero();
        assertThat(data.count("accountability_report", "trajectory_id = :p and signed_at is not null", due))
                .as("the report's figures stay").isEqualTo(1);
        assertThat(planTextsMentioning("Binnenkort")).as("not yet due: goal, review, reason, report, report line stay").isEqualTo(5);

        assertThat(snapshot(notYet)).as("closed less than two years ago").isEqualTo(notYetBefore);
        assertThat(snapshot(running)).as("running").isEqualTo(runningBefore);

        assertThat(data.count("audit_event", "person_id = :p and action = 'DELETE'", employee)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where lower(object_id) like '%verlopen%' or "
                + "lower(username) like '%verlopen%' or lower(object_type) like '%verlopen%' "
                + "or lower(remote_address) like '%verlopen%'").query(Long.class).single())
                .as("the access log holds no names, not even a caseload search for one").isZero();
        assertThat(trajectories.knownEmployees(fixture.coach())).as("no new trajectory for an erased employee")
                .noneMatch(e -> e.id() == employee);
        assertThatThrownBy(() -> trajectories.start(fixture.coach(), new StartTrajectoryForm(employee, null, null,
                null, null, null, commissioner, TrajectoryPhase.COACHING, today, null, null, null, null, null, today,
                null))).as("not even by posting the erased employee's id").isInstanceOf(DomainRuleViolation.class)
                .hasFieldOrPropertyWithValue("messageKey", "trajectory.employee.unknown");
        assertThat(job.eraseDue()).as("a second run erases no one again").isZero();
    }

    @Test
    void theEmployeesLinkStopsWorkingWhenErased() throws Exception {
        long id = fixture.trajectory("Linkhouder", "Wis", "Notitie", LocalDate.of(2020, 3, 2), commissioner);
        String token = fixture.link(id);
        trajectories.changePhase(fixture.coach(), id, new ChangePhaseForm(data.version(id), TrajectoryPhase.CLOSED,
                LocalDate.now().minusYears(3), ClosingReason.WITHDRAWN, null, null, null, null, null));
        var phone = fixture.phone();
        phone.open(token);
        assertThat(phone.get("/own").getResponse().getStatus()).isEqualTo(200);
        job.eraseDue();
        assertThat(phone.get("/own").getResponse().getStatus()).isEqualTo(404);
        assertThat(fixture.phone().open(token).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anAdministratorErasesOnRequestWithAReasonAfterConfirming() throws Exception {
        long id = closedOn("Verzoeker", LocalDate.now().minusDays(1));
        long employee = data.employeeIdOf(id);
        var before = snapshot(id);

        String page = mvc.perform(get("/admin/erasure").param("employee", String.valueOf(employee))
                .param("name", "verzoeker  bewaard").param("birthYear", "1998")
                .with(data.as("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Verzoeker Bewaard", "1998", "Gegevens definitief wissen");

        mvc.perform(post("/admin/erasure").with(data.as("admin")).with(csrf())
                .param("employee", String.valueOf(employee)).param("name", "Verzoeker Bewaard")
                .param("birthYear", "1998").param("reason", "Verzoek per e-mail"));
        assertThat(snapshot(id)).as("not confirmed").isEqualTo(before);
        var noReason = mvc.perform(post("/admin/erasure").with(data.as("admin")).with(csrf())
                .param("employee", String.valueOf(employee)).param("name", "Verzoeker Bewaard")
                .param("birthYear", "1998").param("reason", " ").param("confirm", "yes")).andReturn();
        assertThat(noReason.getFlashMap().get("eraseError")).isEqualTo("erasure.reason.required");
        assertThat(snapshot(id)).isEqualTo(before);

        var done = mvc.perform(post("/admin/erasure").with(data.as("admin")).with(csrf())
                .param("employee", String.valueOf(employee)).param("name", "Verzoeker Bewaard")
                .param("birthYear", "1998").param("reason", "Verzoek per e-mail van 3 maart")
                .param("confirm", "yes")).andReturn();
        assertThat(done.getFlashMap().get("erased")).isEqualTo(true);
        var after = snapshot(id);
        assertThat(after.firstName()).isEqualTo(EmployeeErasure.ERASED);
        assertThat(after.notes()).containsOnly("");
        assertThat(jdbc.sql("select reason from person_erasure where employee_id = :e and erased_by = :a")
                .param("e", employee).param("a", data.userId("admin")).query(String.class).single())
                .isEqualTo("Verzoek per e-mail van 3 maart");
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = :p and action = 'DELETE' "
                + "and username = 'admin'").param("p", employee).query(Long.class).single()).isEqualTo(1);
        String again = mvc.perform(get("/admin/erasure").param("employee", String.valueOf(employee))
                .param("name", "Verzoeker Bewaard").param("birthYear", "1998")
                .with(data.as("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(again).as("the name is gone, so it names no one any more")
                .contains("Er is geen werknemer met dit nummer, deze naam en dit geboortejaar.")
                .doesNotContain(">Verzoeker Bewaard<");
    }

    @Test
    void anEmployeeWithARunningTrajectoryIsNotErased() throws Exception {
        long id = fixture.trajectory("Nogbezig", "Traject", "Notitie");
        long employee = data.employeeIdOf(id);
        var before = snapshot(id);
        String page = mvc.perform(get("/admin/erasure").param("employee", String.valueOf(employee))
                .param("name", "Nogbezig Traject").param("birthYear", "1998")
                .with(data.as("admin"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("nog een lopend traject").doesNotContain("Gegevens definitief wissen");
        var refused = mvc.perform(post("/admin/erasure").with(data.as("admin")).with(csrf())
                .param("employee", String.valueOf(employee)).param("name", "Nogbezig Traject")
                .param("birthYear", "1998").param("reason", "Verzoek").param("confirm", "yes"))
                .andReturn();
        assertThat(refused.getFlashMap().get("eraseError")).isEqualTo("erasure.running");
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorErases() throws Exception {
        long id = closedOn("Beschermd", LocalDate.now().minusDays(1));
        var before = snapshot(id);
        for (String user : List.of("coach", "manager", "gemeente", "onderzoeker")) {
            int status = mvc.perform(post("/admin/erasure").with(data.as(user)).with(csrf())
                    .param("employee", String.valueOf(data.employeeIdOf(id))).param("name", "Beschermd Bewaard")
                    .param("birthYear", "1998").param("reason", "x")
                    .param("confirm", "yes")).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(403);
        }
        assertThat(snapshot(id)).isEqualTo(before);
    }

    /**
     * The employee row is the erasure's last statement. A check constraint that refuses it for this one employee (on
     * H2 and PostgreSQL alike) makes the erasure fail there: everything before it must be rolled back.
     */
    @Test
    void anErasureThatFailsOnItsLastStatementLeavesNothingErased() throws Exception {
        long id = closedOn("Halverwege", LocalDate.now().minusYears(3));
        long employee = data.employeeIdOf(id);
        var before = snapshot(id);
        assertThat(before.notes()).containsOnly("Notitie over Halverwege");
        assertThat(before.ownLinks()).isEqualTo(1);
        assertThat(before.questionnaireLinks()).isEqualTo(1);
        // A schema change: the application's own role may not make it, the owner's connection does.
        owner.jdbc().sql("alter table employee add constraint erasure_test_ck "
                + "check (erased_at is null or id <> " + employee + ")").update();
        try {
            assertThatThrownBy(() -> erasure.erase(employee, "test", null)).isInstanceOf(DataAccessException.class);
            assertThat(snapshot(id)).isEqualTo(before);
            assertThat(planTextsMentioning("Halverwege")).as("the plan's texts too").isEqualTo(5);
            assertThat(job.eraseDue()).as("the job skips it, and leaves it whole").isZero();
            assertThat(snapshot(id)).isEqualTo(before);
        } finally {
            owner.jdbc().sql("alter table employee drop constraint erasure_test_ck").update();
        }
        job.eraseDue();
        assertThat(snapshot(id).firstName()).as("erased once the cause is gone").isEqualTo(EmployeeErasure.ERASED);
    }

    @Test
    void theAnswersStayAfterErasure() throws Exception {
        long id = closedOn("Antwoorder", LocalDate.now().minusYears(3));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t order by due_on limit 1")
                .param("t", id).query(Long.class).single();
        long answers = data.count("response", "wave_id = :p", wave);
        job.eraseDue();
        assertThat(data.count("response", "wave_id = :p", wave)).as("answers (no free text) stay").isEqualTo(answers);
    }

    /**
     * The erasure page shows a person only when the administrator names them: number, name and birth year. A wrong
     * name or year answers exactly as an unknown number does, and is logged as refused; so is a wrong erasure.
     */
    @Test
    void theErasurePageShowsAPersonOnlyWhenTheAdministratorNamesThem() throws Exception {
        long id = closedOn("Genoemde", LocalDate.now().minusDays(1));
        long employee = data.employeeIdOf(id);
        long unknown = jdbc.sql("select max(id) + 1000 from employee").query(Long.class).single();
        long denied = data.deniedAccessesBy("admin");

        String unknownNumber = lookup(String.valueOf(unknown), "Genoemde Bewaard", "1998");
        assertThat(unknownNumber).contains("Er is geen werknemer met dit nummer, deze naam en dit geboortejaar.");
        for (String[] wrong : List.of(new String[] {"", ""}, new String[] {"Andere Naam", "1998"},
                new String[] {"Genoemde", "1998"}, new String[] {"Genoemde Bewaard", "1999"},
                new String[] {"Genoemde Bewaard", "negentien"})) {
            String page = lookup(String.valueOf(employee), wrong[0], wrong[1]);
            assertThat(page).as(String.join("/", wrong)).doesNotContain(">Genoemde Bewaard<")
                    .doesNotContain("Gegevens definitief wissen");
            assertThat(withoutVaryingParts(page, employee, wrong[0], wrong[1]))
                    .isEqualTo(withoutVaryingParts(unknownNumber, unknown, "Genoemde Bewaard", "1998"));
        }
        assertThat(data.deniedAccessesBy("admin")).isEqualTo(denied + 6);

        var before = snapshot(id);
        var wrongErasure = mvc.perform(post("/admin/erasure").with(data.as("admin")).with(csrf())
                .param("employee", String.valueOf(employee)).param("name", "Andere Naam").param("birthYear", "1998")
                .param("reason", "Verzoek").param("confirm", "yes")).andReturn();
        assertThat(wrongErasure.getFlashMap().get("eraseError")).isEqualTo("erasure.notFound");
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(data.deniedAccessesBy("admin")).isEqualTo(denied + 7);

        assertThat(lookup(String.valueOf(employee), " GENOEMDE   bewaard ", "1998"))
                .contains(">Genoemde Bewaard<", "Gegevens definitief wissen");
    }

    private String lookup(String employee, String name, String birthYear) throws Exception {
        return mvc.perform(get("/admin/erasure").param("employee", employee).param("name", name)
                .param("birthYear", birthYear).with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString();
    }

    /** The page without its CSRF token and without what was typed (echoed in the form). */
    private static String withoutVaryingParts(String page, long employee, String name, String birthYear) {
        String s = page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
        s = s.replace("value=\"" + employee + "\"", "value=\"\"");
        s = s.replace("value=\"" + name.strip() + "\"", "value=\"\"");
        return s.replace("value=\"" + birthYear.strip() + "\"", "value=\"\"");
    }
}
