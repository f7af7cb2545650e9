package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The contact hours per month since the start count months from the start day, as the intensity does (issue 13): a
 * cohort whose coaching started on 15 March 2015, with contacts on known dates in its first three months only (the
 * last on 14 June, in the fourth calendar month), has hours in months 0, 1 and 2 and none in month 3.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportMonthsTests {

    private static final int COHORT = 15;
    private static final LocalDate START = LocalDate.of(2015, 3, 15);
    private static final ReportFilter MARCH_2015 = new ReportFilter(YearMonth.of(2015, 3), YearMonth.of(2015, 3), null,
            null, null);

    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired AnalyticsManagement analytics;
    @Autowired ReportQuery query;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private CurrentUser user(String name) {
        return (CurrentUser) users.loadUserByUsername(name);
    }

    @BeforeAll
    void aCohortWithContactsOnKnownDates() {
        CurrentUser coach = user("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        for (int i = 0; i < COHORT; i++) {
            // shaped like the demo cohort (age 30, 24 hours a week), so the other tests' figures on the shared database
            // stay within the study's; its waves of eleven years are of no use here and would only weigh on the
            // response rates of the organisation
            long id = trajectories.start(coach, new StartTrajectoryForm(null, "Maand", "Telling " + i,
                    LocalDate.of(1985, 1, 1), null, null, commissioner, TrajectoryPhase.COACHING, START, null,
                    "Werkplaats Maand " + i, "Monteur", new BigDecimal("24"), ContractType.TEMPORARY, START, null));
            jdbc.sql("delete from measurement_wave where trajectory_id = :t").param("t", id).update();
            log(coach, id, LocalDate.of(2015, 3, 20), 60, Party.EMPLOYEE); // month 0
            log(coach, id, LocalDate.of(2015, 4, 14), 30, Party.EMPLOYEE); // month 0, the day before month 1
            log(coach, id, LocalDate.of(2015, 4, 15), 45, Party.EMPLOYER); // month 1 from its first day
            log(coach, id, LocalDate.of(2015, 6, 14), 90, Party.EMPLOYEE); // month 2, calendar month 3
        }
    }

    private void log(CurrentUser coach, long id, LocalDate on, int minutes, Party party) {
        contacts.log(coach, id, new LogContactForm(on, minutes, party, ContactMode.WORKPLACE_VISIT, Set.of(), ""));
    }

    @Test
    void everyMonthSinceTheStartHoldsTheContactsOfItsDays() {
        long organisation = user("manager").organisationId();
        var sums = query.months(ReportQuery.Scope.organisation(organisation), MARCH_2015);
        assertThat(sums).containsExactly(
                new ReportQuery.MonthSums(0, COHORT * 90L, 0, 0),
                new ReportQuery.MonthSums(1, 0, COHORT * 45L, 0),
                new ReportQuery.MonthSums(2, COHORT * 90L, 0, 0));
    }

    @Test
    void theReportShowsHoursInMonthsZeroToTwoOnlyWithinTheirNoise() {
        var report = analytics.report(user("manager"), MARCH_2015);
        // per person: month 0 1.5 h with the employee, month 1 0.75 h with the employer, month 2 1.5 h; each mean moved
        // by at most span / n (CellKeyPerturbation, hours bounded at 20)
        double most = 20.0 / COHORT;
        assertThat(report.months()).extracting(StudyReport.MonthRow::month).containsExactly(0, 1, 2);
        double[][] truth = {{1.5, 0}, {0, 0.75}, {1.5, 0}};
        for (var row : report.months()) {
            assertThat(row.shown()).isTrue();
            assertThat(row.n()).isBetween(COHORT - 2, COHORT + 2);
            assertThat(row.employee()).isCloseTo(truth[row.month()][0], org.assertj.core.data.Offset.offset(most));
            assertThat(row.employer()).isCloseTo(truth[row.month()][1], org.assertj.core.data.Offset.offset(most));
        }
    }

    @Test
    void theIntensityOfMonthsZeroToThreeAddsUpTheSameContacts() {
        var hours = jdbc.sql("select distinct hours_total_0_3, hours_total_3_6 from trajectory_indicator i"
                + " join trajectory t on t.id = i.trajectory_id join employee e on e.id = t.employee_id"
                + " where e.first_name = 'Maand'").query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1),
                        rs.getBigDecimal(2)}).list();
        assertThat(hours).hasSize(1);
        assertThat(hours.get(0)[0]).isEqualByComparingTo("3.75"); // 60 + 30 + 45 + 90 minutes
        assertThat(hours.get(0)[1]).isEqualByComparingTo("0");
    }
}
