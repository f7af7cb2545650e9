package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import nl.jobcoachmonitor.measurement.WaveSchedule.PlannedWave;

import org.junit.jupiter.api.Test;

class WaveScheduleTests {

    private static final LocalDate START = LocalDate.of(2026, 1, 31);

    @Test
    void coachingOnTheJobStartsWithT0NowT1InThreeMonthsAndT2InSix() {
        assertThat(WaveSchedule.atStart(START)).extracting(PlannedWave::code, PlannedWave::dueOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T0", START),
                org.assertj.core.groups.Tuple.tuple("T1", LocalDate.of(2026, 4, 30)),
                org.assertj.core.groups.Tuple.tuple("T2", LocalDate.of(2026, 7, 31)));
    }

    @Test
    void afterT2AWaveFollowsEverySixMonthsUpToTheFirstOneStillToCome() {
        var waves = WaveSchedule.upTo(START, LocalDate.of(2027, 7, 30));
        assertThat(waves).extracting(PlannedWave::code).containsExactly("T0", "T1", "T2", "T3", "T4");
        assertThat(waves.get(3).dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(waves.get(4).dueOn()).isEqualTo(LocalDate.of(2027, 7, 31));
        assertThat(WaveSchedule.upTo(START, LocalDate.of(2027, 7, 31))).extracting(PlannedWave::code).last()
                .isEqualTo("T5");
        assertThat(WaveSchedule.upTo(START, START)).hasSize(3);
    }

    @Test
    void theCoachAloneAnswersAtT1AndTheEmployerOnlyAtT0AndT2() {
        assertThat(WaveSchedule.respondents("T0")).containsExactlyInAnyOrder(Respondent.values());
        assertThat(WaveSchedule.respondents("T1")).containsExactly(Respondent.COACH);
        assertThat(WaveSchedule.respondents("T2")).containsExactlyInAnyOrder(Respondent.values());
        assertThat(WaveSchedule.respondents("T3")).containsExactlyInAnyOrder(Respondent.EMPLOYEE, Respondent.COACH);
    }

    @Test
    void theWindowOpensOnTheDueDateRemindsAfterAWeekIsOverdueAfterTwoAndClosesAfterSix() {
        var window = new MeasurementWindow(START);
        assertThat(window.stateOn(START.minusDays(1))).isEqualTo(WaveState.PLANNED);
        assertThat(window.stateOn(START)).isEqualTo(WaveState.OPEN);
        assertThat(window.stateOn(START.plusDays(6))).isEqualTo(WaveState.OPEN);
        assertThat(window.stateOn(START.plusDays(7))).isEqualTo(WaveState.REMINDER);
        assertThat(window.stateOn(START.plusDays(14))).isEqualTo(WaveState.OVERDUE);
        assertThat(window.stateOn(START.plusDays(41))).isEqualTo(WaveState.OVERDUE);
        assertThat(window.stateOn(START.plusDays(42))).isEqualTo(WaveState.CLOSED);
        assertThat(window.answerableOn(START.minusDays(15))).isFalse();
        assertThat(window.answerableOn(START.minusDays(14))).isTrue();
        assertThat(window.answerableOn(START.plusDays(41))).isTrue();
        assertThat(window.answerableOn(START.plusDays(42))).isFalse();
    }

    @Test
    void aCancelledWaveIsNeitherDueNorAnswerable() {
        var wave = MeasurementWave.plan(1, WaveSchedule.wave(START, 2)).cancel();
        assertThat(wave.stateOn(START.plusMonths(6))).isEqualTo(WaveState.CANCELLED);
        assertThat(wave.answerableOn(START.plusMonths(6))).isFalse();
    }
}
