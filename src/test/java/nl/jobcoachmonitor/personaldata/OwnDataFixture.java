package nl.jobcoachmonitor.personaldata;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;


import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.AnswerValidationTests;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Employees with a trajectory, a contact with a note and a completed questionnaire, and their own-data link. */
final class OwnDataFixture {

    final MockMvc mvc;
    final TestData data;
    final JdbcClient jdbc;
    final TrajectoryManagement trajectories;
    final ContactManagement contacts;
    final MeasurementManagement measurement;
    final UserDetailsService users;

    OwnDataFixture(MockMvc mvc, TestData data, JdbcClient jdbc, TrajectoryManagement trajectories,
            ContactManagement contacts, MeasurementManagement measurement, UserDetailsService users) {
        this.mvc = mvc;
        this.data = data;
        this.jdbc = jdbc;
        this.trajectories = trajectories;
        this.contacts = contacts;
        this.measurement = measurement;
        this.users = users;
    }

    private final java.util.List<Long> started = new java.util.ArrayList<>();

    /**
     * Closes the trajectories this fixture started that still run, so that they do not crowd the coach's caseload
     * (20 a page) in the tests that run after these.
     */
    void closeRunning() {
        for (long id : started) {
            String phase = jdbc.sql("select phase from trajectory where id = :t").param("t", id).query(String.class)
                    .single();
            if (!"CLOSED".equals(phase)) {
                trajectories.changePhase(coach(), id, new nl.jobcoachmonitor.trajectory.ChangePhaseForm(
                        data.version(id), TrajectoryPhase.CLOSED, LocalDate.now(),
                        nl.jobcoachmonitor.trajectory.ClosingReason.OTHER, null, null, null, null, null));
            }
        }
        started.clear();
    }

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername("coach");
    }

    /** A trajectory of "coach" started today in coaching on the job, with one contact (this note). */
    long trajectory(String firstName, String lastName, String note) {
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        return trajectory(firstName, lastName, note, LocalDate.now(), commissioner);
    }

    long trajectory(String firstName, String lastName, String note, LocalDate startedOn, long commissioner) {
        long id = trajectories.start(coach(), new StartTrajectoryForm(null, firstName, lastName,
                LocalDate.of(1998, 5, 17), firstName.toLowerCase() + "@example.org", "0612345678", commissioner,
                TrajectoryPhase.COACHING, startedOn, null, "Bakkerij " + lastName, "Bakker", new BigDecimal("24"),
                ContractType.TEMPORARY, startedOn, null));
        contacts.log(coach(), id, new LogContactForm(startedOn, 45, Party.EMPLOYEE, ContactMode.WORKPLACE_VISIT,
                Set.of(Theme.STRESS), note));
        started.add(id);
        return id;
    }

    /** The employee's T0 answers, entered by the coach from paper. */
    void answered(long trajectoryId) {
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", trajectoryId).query(Long.class).single();
        measurement.submit(coach(), trajectoryId, wave, Respondent.EMPLOYEE,
                AnswerValidationTests.completeEmployeeAnswers());
    }

    /** The coach makes the link on the trajectory page; the token shown once. */
    String link(long trajectoryId) throws Exception {
        String page = mvc.perform(post("/trajectories/{id}/own-data-link", trajectoryId).with(data.as("coach"))
                .with(csrf())).andReturn().getResponse().getContentAsString();
        var matcher = Pattern.compile("/own/([A-Za-z0-9_-]{43})").matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no link on the page: " + page);
        }
        return matcher.group(1);
    }

    Phone phone() {
        return new Phone();
    }

    /** A phone with its own session, that opens the own-data link. */
    final class Phone extends nl.jobcoachmonitor.Phone {

        Phone() {
            super(mvc);
        }

        MvcResult open(String token) throws Exception {
            return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/own/{token}", token));
        }
    }
}
