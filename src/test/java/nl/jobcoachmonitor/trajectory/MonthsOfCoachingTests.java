package nl.jobcoachmonitor.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MonthsOfCoachingTests {

    @Test
    void monthNRunsFromTheStartDayPlusNMonths() {
        LocalDate start = LocalDate.of(2026, 1, 15);
        assertThat(MonthsOfCoaching.index(start, start)).isZero();
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 2, 14))).isZero();
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 2, 15))).isEqualTo(1);
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 4, 14))).isEqualTo(2);
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2027, 1, 15))).isEqualTo(12);
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 1, 14))).isEqualTo(-1);
    }

    @Test
    void aStartOnTheThirtyFirstHasItsNextMonthFromTheLastDayOfFebruary() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 2, 27))).isZero();
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 2, 28))).isEqualTo(1);
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 3, 30))).isEqualTo(1);
        assertThat(MonthsOfCoaching.index(start, LocalDate.of(2026, 3, 31))).isEqualTo(2);
        assertThat(MonthsOfCoaching.firstDay(start, 1)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
