package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.plan.GrantUse.Level;
import nl.jobcoachmonitor.plan.GrantUse.Minutes;

import org.junit.jupiter.api.Test;

/** Hours against the grant: periods counted from the start, boundaries, the maximum duration, the warning levels. */
class GrantUseTests {

    static final LocalDate START = LocalDate.of(2026, 1, 31);

    /** 30 hours per 3 months, at most 12 months. */
    static final GrantRule RULE = new GrantRule(1, new BigDecimal("30"), 3, 12, 6, ReportTemplate.UWV,
            new BigDecimal("6.5"));

    static Minutes hours(LocalDate on, double hours) {
        return new Minutes(on, (int) Math.round(hours * 60));
    }

    @Test
    void periodsAreCountedFromTheStartWithoutDriftAtMonthEnds() {
        var first = GrantUse.of(RULE, START, LocalDate.of(2026, 4, 29), List.of());
        assertThat(first.from()).isEqualTo(START);
        assertThat(first.to()).isEqualTo(LocalDate.of(2026, 4, 30));
        var second = GrantUse.of(RULE, START, LocalDate.of(2026, 4, 30), List.of());
        assertThat(second.from()).isEqualTo(LocalDate.of(2026, 4, 30));
        // from the start, not from the previous boundary: 31 Jan + 6 months = 31 Jul (not 30 Jul)
        assertThat(second.to()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void onlyContactsInsideThePeriodCountAndTheBoundaryDayBelongsToTheNextPeriod() {
        var contacts = List.of(hours(LocalDate.of(2026, 4, 29), 10), hours(LocalDate.of(2026, 4, 30), 4),
                hours(LocalDate.of(2026, 7, 30), 2), hours(LocalDate.of(2026, 7, 31), 8));
        assertThat(GrantUse.of(RULE, START, LocalDate.of(2026, 4, 29), contacts).hoursUsed()).isEqualTo(10.0);
        assertThat(GrantUse.of(RULE, START, LocalDate.of(2026, 5, 15), contacts).hoursUsed()).isEqualTo(6.0);
        assertThat(GrantUse.of(RULE, START, LocalDate.of(2026, 8, 1), contacts).hoursUsed()).isEqualTo(8.0);
    }

    @Test
    void warnsAtEightyAndAtHundredPercentAndFlagsHoursBeyondTheGrant() {
        LocalDate day = LocalDate.of(2026, 2, 20);
        assertThat(GrantUse.of(RULE, START, day, List.of(hours(day, 23.9))).level()).isEqualTo(Level.OK);
        assertThat(GrantUse.of(RULE, START, day, List.of(hours(day, 24))).level()).isEqualTo(Level.WARNING);
        var full = GrantUse.of(RULE, START, day, List.of(hours(day, 20), hours(day, 10)));
        assertThat(full.level()).isEqualTo(Level.FULL);
        assertThat(full.percent()).isEqualTo(100);
        var over = GrantUse.of(RULE, START, day, List.of(hours(day, 20), hours(day, 12.5)));
        assertThat(over.level()).isEqualTo(Level.OVER);
        assertThat(over.hoursUsed()).isEqualTo(32.5);
        assertThat(over.hoursOver()).isEqualTo(2.5);
    }

    @Test
    void theLastPeriodEndsAtTheMaximumDurationAndNothingIsGrantedAfterIt() {
        var rule = new GrantRule(1, new BigDecimal("30"), 5, 12, 6, ReportTemplate.MUNICIPALITY, BigDecimal.TEN);
        // periods of 5 months: [31 Jan, 30 Jun), [30 Jun, 30 Nov), [30 Nov, 31 Jan next year) cut off at the end
        var last = GrantUse.of(rule, START, LocalDate.of(2026, 12, 15), List.of());
        assertThat(last.from()).isEqualTo(LocalDate.of(2026, 12, 1).minusDays(1));
        assertThat(last.to()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(last.hoursGranted()).isEqualTo(30.0);
        assertThat(last.beyondDuration()).isFalse();
        LocalDate after = LocalDate.of(2027, 2, 10);
        var beyond = GrantUse.of(rule, START, after, List.of(hours(after, 1.5)));
        assertThat(beyond.beyondDuration()).isTrue();
        assertThat(beyond.from()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(beyond.hoursGranted()).isZero();
        assertThat(beyond.level()).isEqualTo(Level.OVER);
    }

    @Test
    void reportPeriodsFollowTheReportIntervalUpToTheMaximumDuration() {
        var periods = ReportPeriods.begun(RULE, START, LocalDate.of(2027, 6, 1));
        assertThat(periods).extracting(ReportPeriods.Period::from)
                .containsExactly(START, LocalDate.of(2026, 7, 31));
        assertThat(periods.get(1).to()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(ReportPeriods.next(RULE, START, LocalDate.of(2026, 3, 1))).contains(LocalDate.of(2026, 7, 31));
    }
}
