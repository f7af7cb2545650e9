package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.jobcoachmonitor.mail.MailLanguage;
import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.MovableClock;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily reminder: one per wave and respondent who was mailed and has not sent the questionnaire, from 7 days after
 * the wave was due (and 7 days after the invitation) until the wave closes; however often and on however many
 * instances the job runs. Time moves with the application's clock.
 */
@MailIntegrationTest
class QuestionnaireReminderTests {

    @Autowired QuestionnaireReminders reminders;
    @Autowired QuestionnaireInvitations invitations;
    @Autowired Responses responses;
    @Autowired Instruments instruments;
    @Autowired MovableClock clock;
    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    MailTestSupport support;

    @BeforeEach
    void setUp() {
        support = new MailTestSupport(trajectories, users, jdbc);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private String invite(MailTestSupport.Trajectory t, Respondent respondent, MailLanguage language) {
        String address = MailTestSupport.address(respondent.name().toLowerCase());
        invitations.invite(support.coach(), t.id(), t.t0(), respondent, address, language,
                "http://localhost");
        return address;
    }

    private Map<String, Long> remindersOf(MailTestSupport.Trajectory t) {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.sql("select respondent, count(*) from questionnaire_mail where wave_id = :w and kind = 'REMINDER' "
                + "group by respondent").param("w", t.t0())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static void atOnce(List<Callable<?>> tasks) throws Exception {
        var executor = Executors.newFixedThreadPool(tasks.size());
        try {
            var start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (var task : tasks) {
                running.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (var f : running) {
                f.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void everyoneMailedGetsExactlyOneReminderHoweverOftenAndOnHoweverManyInstancesTheJobRuns() throws Exception {
        var t = support.start("Lotte", "Herinnering", null, LocalDate.now());
        String employee = invite(t, Respondent.EMPLOYEE, MailLanguage.NL);
        String employer = invite(t, Respondent.EMPLOYER, MailLanguage.EN);
        String invitationToken = MailTestSupport.token(TestMailServer.part(
                TestMailServer.receivedBy(employee).get(0), "text/plain"));

        clock.moveForward(Duration.ofDays(8));
        jdbc.sql("delete from shedlock where name = 'measurement-reminders'").update();
        Callable<Object> scheduled = () -> {
            reminders.daily();
            return null;
        };
        // two instances' scheduled runs (ShedLock lets one in) racing three runs without the lock (the database
        // lets one reminder per respondent in), all at the same moment; then the next days' runs
        atOnce(List.of(scheduled, scheduled, reminders::sendDueReminders, reminders::sendDueReminders,
                reminders::sendDueReminders));
        reminders.daily();
        reminders.sendDueReminders();
        clock.moveForward(Duration.ofDays(1));
        reminders.sendDueReminders();

        assertThat(remindersOf(t)).isEqualTo(Map.of("EMPLOYEE", 1L, "EMPLOYER", 1L));
        var lock = jdbc.sql("select lock_until from shedlock where name = 'measurement-reminders'")
                .query(java.sql.Timestamp.class).single();
        assertThat(lock).as("the job took its lock (database time)").isNotNull();

        var toEmployee = TestMailServer.receivedBy(employee);
        assertThat(toEmployee).hasSize(2);
        var reminder = toEmployee.get(1);
        assertThat(reminder.getSubject()).isEqualTo("Herinnering: vragenlijst over je werk en je begeleiding");
        assertThat(reminder.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = TestMailServer.part(reminder, "text/plain");
        assertThat(text).startsWith("Beste Lotte,").contains("De link uit de vorige e-mail werkt niet meer");
        String reminderToken = MailTestSupport.token(text);
        mvc.perform(get("/q/{t}", invitationToken)).andExpect(status().isNotFound());
        mvc.perform(get("/q/{t}", reminderToken)).andExpect(status().isOk());

        var toEmployer = TestMailServer.receivedBy(employer);
        assertThat(toEmployer).hasSize(2);
        assertThat(toEmployer.get(1).getSubject())
                .isEqualTo("Reminder: questionnaire about the coaching of Lotte Herinnering");

        String body = jdbc.sql("select body from questionnaire_mail where wave_id = :w and kind = 'REMINDER' "
                + "and respondent = 'EMPLOYEE'").param("w", t.t0()).query(String.class).single();
        assertThat(body).doesNotContain(reminderToken).contains("[persoonlijke link, niet bewaard]");
        assertThat(jdbc.sql("select created_by from questionnaire_link where wave_id = :w and respondent = "
                + "'EMPLOYEE' and revoked_at is null").param("w", t.t0()).query((rs, n) -> rs.getObject(1)).list())
                .as("made by the job, not by a user").containsExactly((Object) null);
    }

    @Test
    void noReminderBeforeSevenDaysAfterTheDueDateNorForAQuestionnaireThatWasSent() {
        var waiting = support.start("Joris", "Wachttest", null, LocalDate.now());
        var done = support.start("Fatima", "Klaartest", null, LocalDate.now());
        invite(waiting, Respondent.EMPLOYEE, MailLanguage.NL);
        invite(done, Respondent.EMPLOYEE, MailLanguage.NL);
        var response = responses.start(done.t0(), Respondent.EMPLOYEE, instruments.current("employee"),
                Instant.now());
        responses.complete(response.id(), AnswerValidationTests.completeEmployeeAnswers(), Instant.now());

        clock.moveForward(Duration.ofDays(6));
        reminders.sendDueReminders();
        assertThat(remindersOf(waiting)).isEmpty();

        clock.moveForward(Duration.ofDays(2));
        reminders.sendDueReminders();
        assertThat(remindersOf(waiting)).isEqualTo(Map.of("EMPLOYEE", 1L));
        assertThat(remindersOf(done)).as("completed: no reminder").isEmpty();
    }

    @Test
    void aWaveThatClosedGetsNoReminderAndALateInvitationNoneSoonerThanAWeekLater() {
        var closing = support.start("Daan", "Sluittest", null, LocalDate.now());
        invite(closing, Respondent.EMPLOYEE, MailLanguage.NL);
        var late = support.start("Mila", "Laattest", null, LocalDate.now().minusDays(10));
        invite(late, Respondent.EMPLOYEE, MailLanguage.NL);

        clock.moveForward(Duration.ofDays(MeasurementWindow.CLOSES_AFTER_DAYS + 1));
        reminders.sendDueReminders();
        assertThat(remindersOf(closing)).as("the wave closed before any run").isEmpty();
        assertThat(remindersOf(late)).isEmpty();

        clock.reset();
        reminders.sendDueReminders();
        assertThat(remindersOf(late)).as("invited today, the wave due 10 days ago").isEmpty();
        clock.moveForward(Duration.ofDays(7).plusMinutes(1));
        reminders.sendDueReminders();
        assertThat(remindersOf(late)).isEqualTo(Map.of("EMPLOYEE", 1L));
    }
}
