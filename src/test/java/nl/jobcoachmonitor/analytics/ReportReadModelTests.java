package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.WorkValue;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The report reads one row per trajectory (the indicator row keeps T0, T2 and months 0-11, V69): on the demo cohort,
 * for every scope and several filters, it reads exactly what the statements before V69 read from the wave and month
 * tables: the same rows, the same work values, the same month sums. So the report's figures cannot have changed.
 */
@IntegrationTest
class ReportReadModelTests {

    private static final List<String> WORK_VALUES = Arrays.stream(WorkValue.values()).map(WorkValue::code).toList();

    @Autowired ReportQuery query;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired ContactManagement contacts;
    @Autowired UserDetailsService users;

    @Test
    void theIndicatorRowGivesWhatTheWaveAndMonthTablesGaveForEveryScopeAndFilter() {
        // an event after the start: the row follows it as the month table does
        long trajectory = data.trajectoryOnTheJobOf("coach", 0);
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        contacts.log(coach, trajectory, new LogContactForm(LocalDate.now().minusDays(1), 75, Party.EMPLOYER,
                ContactMode.PHONE, Set.of(), "Na de start"));

        var previous = new PreviousReportQuery(jdbc);
        List<ReportQuery.Scope> scopes = new java.util.ArrayList<>(List.of(ReportQuery.Scope.all()));
        jdbc.sql("select id from organisation order by id").query(Long.class).list()
                .forEach(id -> scopes.add(ReportQuery.Scope.organisation(id)));
        jdbc.sql("select id from commissioner order by id").query(Long.class).list()
                .forEach(id -> scopes.add(ReportQuery.Scope.commissioner(id)));
        var filters = List.of(ReportFilter.everything(),
                new ReportFilter(null, null, ReportFilter.AgeBand.UNDER_25, null, null),
                new ReportFilter(null, null, ReportFilter.AgeBand.FROM_30, TrajectoryPhase.COACHING, null),
                new ReportFilter(YearMonth.now().minusYears(2), YearMonth.now().minusMonths(6), null, null, null));
        int rowsCompared = 0;
        int answersCompared = 0;
        int monthsCompared = 0;
        for (var scope : scopes) {
            for (var filter : filters) {
                String where = scope + " " + filter;
                var population = query.population(scope, filter, WORK_VALUES);
                var before = sorted(previous.rows(scope, filter));
                assertThat(sorted(population.rows())).as(where).isEqualTo(before);
                var answersBefore = answers(previous.workValues(scope, filter, WORK_VALUES));
                assertThat(answers(population.workValues())).as(where).isEqualTo(answersBefore);
                var monthsBefore = previous.months(scope, filter);
                assertThat(query.months(scope, filter)).as(where).isEqualTo(monthsBefore);
                rowsCompared += before.size();
                answersCompared += answersBefore.size();
                monthsCompared += monthsBefore.size();
            }
        }
        assertThat(rowsCompared).as("the demo has a population to compare").isGreaterThan(100);
        assertThat(answersCompared).as("and answered work values").isGreaterThan(50);
        assertThat(monthsCompared).as("and contact hours per month").isGreaterThan(12);
    }

    private static List<ReportQuery.Row> sorted(List<ReportQuery.Row> rows) {
        return rows.stream().sorted(Comparator.comparingLong(ReportQuery.Row::trajectoryId)).toList();
    }

    private static List<String> answers(List<ReportQuery.WorkValueAnswers> answers) {
        return answers.stream().map(a -> a.trajectoryId() + " " + a.wave() + " " + Arrays.toString(a.important())
                + " " + Arrays.toString(a.achieved())).sorted().toList();
    }
}
