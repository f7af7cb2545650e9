package nl.jobcoachmonitor.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.ContactFact;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.Facts;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.JobChangeFact;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.Raised;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.ResponseFact;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.WaveFact;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.JobChangeKind;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;

class IndicatorCalculatorTests {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    private final List<ContactFact> contacts = new ArrayList<>();
    private final List<JobChangeFact> jobChanges = new ArrayList<>();
    private final List<ResponseFact> responses = new ArrayList<>();
    private final List<WaveFact> overdue = new ArrayList<>();
    private TrajectoryPhase phase = TrajectoryPhase.COACHING;
    private ClosingReason closingReason;
    private LocalDate closedOn;
    private LocalDate supportRequestedOn;

    private IndicatorCalculator.Result on(LocalDate today) {
        return IndicatorCalculator.compute(new Facts(1, phase, closingReason, closedOn, START, contacts, jobChanges,
                responses, overdue, supportRequestedOn, today));
    }

    private void employee(String wave, int monthsAfterStart, Map<String, Object> answers) {
        responses.add(new ResponseFact(wave, START.plusMonths(monthsAfterStart), Respondent.EMPLOYEE, answers,
                START.plusMonths(monthsAfterStart)));
    }

    private void coach(String wave, int monthsAfterStart, Map<String, Object> answers) {
        responses.add(new ResponseFact(wave, START.plusMonths(monthsAfterStart), Respondent.COACH, answers,
                START.plusMonths(monthsAfterStart)));
    }

    private static Map<String, Object> employeeAnswers(String paidWork, int hours, int rapport) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("paid_work", paidWork);
        answers.put("hours_week", hours);
        answers.put("rapport_1", rapport);
        answers.put("rapport_2", rapport);
        answers.put("rapport_3", rapport + 1);
        answers.put("fit_wishes_1", 4);
        answers.put("fit_wishes_2", 3);
        answers.put("coach_value", 8);
        return answers;
    }

    @Test
    void intensityIsHoursPerMonthInMonthsZeroToThreeAndThreeToSixSplitByParty() {
        contacts.add(new ContactFact(START, 120, Party.EMPLOYEE));
        contacts.add(new ContactFact(START.plusMonths(1), 60, Party.EMPLOYER));
        contacts.add(new ContactFact(START.plusMonths(2), 30, Party.COLLEAGUES));
        contacts.add(new ContactFact(START.plusMonths(2), 30, Party.CARE_PROVIDER));
        contacts.add(new ContactFact(START.plusMonths(4), 90, Party.EMPLOYEE));
        contacts.add(new ContactFact(START.minusDays(1), 600, Party.EMPLOYEE));

        var result = on(START.plusMonths(7)).trajectory();

        assertThat(result.first().months()).isEqualByComparingTo("3.00");
        assertThat(result.first().employeeHours()).isEqualByComparingTo("2.00");
        assertThat(result.first().employerHours()).isEqualByComparingTo("1.50");
        assertThat(result.first().totalHours()).isEqualByComparingTo("4.00");
        assertThat(result.first().totalPerMonth()).isCloseTo(4.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.second().employeeHours()).isEqualByComparingTo("1.50");
        assertThat(result.lastContactOn()).isEqualTo(START.plusMonths(4));
        assertThat(on(START.plusMonths(7)).months()).containsExactly(
                new IndicatorCalculator.MonthHours(0, 120, 0, 0),
                new IndicatorCalculator.MonthHours(1, 0, 60, 0),
                new IndicatorCalculator.MonthHours(2, 0, 30, 30),
                new IndicatorCalculator.MonthHours(4, 90, 0, 0));
    }

    @Test
    void theHoursPerMonthCountMonthsFromTheStartDayAsTheIntensityDoes() {
        // Coaching starts mid-month; every contact falls in months 0-2 since the start, some in the fourth calendar
        // month. Per calendar month, month 3 would hold hours; since the start, the table and the intensity agree.
        contacts.add(new ContactFact(LocalDate.of(2026, 1, 20), 60, Party.EMPLOYEE));
        contacts.add(new ContactFact(LocalDate.of(2026, 2, 14), 30, Party.EMPLOYEE));
        contacts.add(new ContactFact(LocalDate.of(2026, 2, 15), 45, Party.EMPLOYER));
        contacts.add(new ContactFact(LocalDate.of(2026, 4, 14), 90, Party.EMPLOYEE));
        contacts.add(new ContactFact(LocalDate.of(2026, 4, 15), 120, Party.EMPLOYEE));
        var computed = IndicatorCalculator.compute(new Facts(1, phase, null, null, LocalDate.of(2026, 1, 15), contacts,
                jobChanges, responses, overdue, null, LocalDate.of(2026, 9, 1)));

        assertThat(computed.months()).containsExactly(
                new IndicatorCalculator.MonthHours(0, 90, 0, 0),
                new IndicatorCalculator.MonthHours(1, 0, 45, 0),
                new IndicatorCalculator.MonthHours(2, 90, 0, 0),
                new IndicatorCalculator.MonthHours(3, 120, 0, 0));
        int firstThree = computed.months().stream().filter(m -> m.month() < 3)
                .mapToInt(m -> m.employeeMinutes() + m.employerMinutes() + m.otherMinutes()).sum();
        assertThat(computed.trajectory().first().totalHours()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(firstThree / 60.0).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void aPeriodStillRunningCountsOnlyTheMonthsPassed() {
        contacts.add(new ContactFact(START, 90, Party.EMPLOYEE));
        var result = on(START.plusDays(45)).trajectory();
        assertThat(result.first().months().doubleValue()).isBetween(1.45, 1.55);
        assertThat(result.second().months()).isEqualByComparingTo("0");
        assertThat(result.second().totalPerMonth()).isNull();
    }

    @Test
    void retainedIsTheEmployeesAnswerAtT2OrFalseWhenTheJobWasLostBefore() {
        employee("T0", 0, employeeAnswers("yes", 24, 4));
        assertThat(on(START.plusMonths(3)).trajectory().retained()).isNull();
        employee("T2", 6, employeeAnswers("yes", 24, 4));
        assertThat(on(START.plusMonths(7)).trajectory().retained()).isTrue();

        responses.clear();
        phase = TrajectoryPhase.CLOSED;
        closingReason = ClosingReason.JOB_LOST;
        closedOn = START.plusMonths(2);
        var closed = on(START.plusMonths(7));
        assertThat(closed.trajectory().retained()).isFalse();
        assertThat(closed.trajectory().employmentEnded()).isTrue();
        assertThat(closed.signals()).containsExactly(new Raised(SignalKind.EMPLOYMENT_ENDED, "closed"));
    }

    @Test
    void positiveDevelopmentIsMoreHoursMoreTasksOrAPositiveJobChangeByT2() {
        employee("T0", 0, employeeAnswers("yes", 24, 4));
        assertThat(on(START.plusMonths(5)).trajectory().positiveDevelopment()).as("not known before T2").isNull();
        assertThat(on(START.plusMonths(7)).trajectory().positiveDevelopment()).as("T2 passed, nothing").isFalse();

        employee("T2", 6, employeeAnswers("yes", 28, 4));
        assertThat(on(START.plusMonths(7)).trajectory().positiveDevelopment()).as("more hours").isTrue();

        responses.remove(1);
        var t2 = employeeAnswers("yes", 24, 4);
        t2.put("tasks_change", "more");
        employee("T2", 6, t2);
        assertThat(on(START.plusMonths(7)).trajectory().positiveDevelopment()).as("more tasks").isTrue();

        responses.remove(1);
        jobChanges.add(new JobChangeFact(START.plusMonths(4), JobChangeKind.FEWER_HOURS));
        assertThat(on(START.plusMonths(7)).trajectory().positiveDevelopment()).isFalse();
        jobChanges.add(new JobChangeFact(START.plusMonths(4), JobChangeKind.BETTER_CONTRACT));
        assertThat(on(START.plusMonths(3)).trajectory().positiveDevelopment()).as("recorded by the coach").isTrue();
    }

    @Test
    void aDropInJobFitOfTwoOrMoreOrMoreGapsSignalsThatTheJobFitsLess() {
        coach("T0", 0, Map.of("job_fit", 8, "care_conflict", "no"));
        coach("T1", 3, Map.of("job_fit", 7, "care_conflict", "no"));
        contacts.add(new ContactFact(START.plusMonths(3), 60, Party.EMPLOYEE));
        assertThat(on(START.plusMonths(3)).signals()).isEmpty();

        coach("T2", 6, Map.of("job_fit", 5, "care_conflict", "yes"));
        contacts.add(new ContactFact(START.plusMonths(6), 60, Party.EMPLOYEE));
        var result = on(START.plusMonths(6));
        assertThat(result.trajectory().jobFitFirst()).isEqualTo(8);
        assertThat(result.trajectory().jobFitLatest()).isEqualTo(5);
        assertThat(result.signals()).containsExactlyInAnyOrder(new Raised(SignalKind.JOB_FIT_DECLINING, "T2"),
                new Raised(SignalKind.CARE_CONFLICT, "T2"));
    }

    @Test
    void lowRapportAndNoPaidWorkAtTheLatestWaveAreSignalled() {
        contacts.add(new ContactFact(START.plusMonths(6), 60, Party.EMPLOYEE));
        employee("T0", 0, employeeAnswers("yes", 24, 2));
        var result = on(START.plusMonths(6));
        assertThat(result.trajectory().rapportEmployee()).isEqualByComparingTo("2.33");
        assertThat(result.signals()).containsExactly(new Raised(SignalKind.LOW_RAPPORT, "T0"));

        employee("T2", 6, employeeAnswers("no", 0, 4));
        assertThat(on(START.plusMonths(6)).signals())
                .containsExactly(new Raised(SignalKind.EMPLOYMENT_ENDED, "T2"));
    }

    @Test
    void noContactForThirtyDaysWhileCoachingOnTheJobIsSignalledOncePerSilence() {
        contacts.add(new ContactFact(START.plusDays(10), 60, Party.EMPLOYEE));
        assertThat(on(START.plusDays(39)).signals()).isEmpty();
        assertThat(on(START.plusDays(40)).signals())
                .containsExactly(new Raised(SignalKind.NO_RECENT_CONTACT, START.plusDays(10).toString()));
        phase = TrajectoryPhase.PHASE_OUT;
        assertThat(on(START.plusDays(40)).signals()).as("only while coaching on the job").isEmpty();
    }

    @Test
    void continuedSupportAskedForIsSignalledUntilTheCoachHasHadContactSince() {
        phase = TrajectoryPhase.CONTINUED_SUPPORT;
        supportRequestedOn = START.plusMonths(9);
        contacts.add(new ContactFact(START.plusMonths(8), 60, Party.EMPLOYEE));
        assertThat(on(START.plusMonths(9).plusDays(2)).signals())
                .containsExactly(new Raised(SignalKind.SUPPORT_REQUESTED, START.plusMonths(9).toString()));
        contacts.add(new ContactFact(START.plusMonths(9).plusDays(1), 60, Party.EMPLOYEE));
        assertThat(on(START.plusMonths(9).plusDays(2)).signals()).isEmpty();
    }

    @Test
    void anOverdueWaveIsSignalled() {
        contacts.add(new ContactFact(START.plusDays(20), 60, Party.EMPLOYEE));
        overdue.add(new WaveFact("T0"));
        assertThat(on(START.plusDays(20)).signals()).containsExactly(new Raised(SignalKind.WAVE_OVERDUE, "T0"));
    }
}
