package nl.jobcoachmonitor.measurement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When the waves of a trajectory fall, counted from the start of coaching on the job: T0 at the start, T1 at 3 months
 * (the coach's mid-term review), T2 at 6 months, then T3, T4, … every 6 months while the trajectory runs.
 */
final class WaveSchedule {

    private WaveSchedule() {
    }

    record PlannedWave(String code, LocalDate dueOn, Set<Respondent> respondents) {
    }

    /** The first three waves, planned when coaching on the job starts. */
    static List<PlannedWave> atStart(LocalDate coachingStartedOn) {
        return upTo(coachingStartedOn, coachingStartedOn);
    }

    /** T0, T1 and T2, and every later wave up to and including the first one due after {@code today}. */
    static List<PlannedWave> upTo(LocalDate coachingStartedOn, LocalDate today) {
        var waves = new ArrayList<PlannedWave>();
        for (int n = 0; ; n++) {
            var wave = wave(coachingStartedOn, n);
            waves.add(wave);
            if (n >= 2 && wave.dueOn().isAfter(today)) {
                return waves;
            }
        }
    }

    static PlannedWave wave(LocalDate coachingStartedOn, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("wave " + n);
        }
        LocalDate due = n == 0 ? coachingStartedOn
                : n == 1 ? coachingStartedOn.plusMonths(3) : coachingStartedOn.plusMonths(6L * (n - 1));
        Set<Respondent> who = n == 1 ? EnumSet.of(Respondent.COACH)
                : n == 0 || n == 2 ? EnumSet.allOf(Respondent.class)
                : EnumSet.of(Respondent.EMPLOYEE, Respondent.COACH);
        return new PlannedWave("T" + n, due, Set.copyOf(who));
    }

    /** Who answers at a wave with this code. */
    static Set<Respondent> respondents(String code) {
        return wave(LocalDate.EPOCH, Integer.parseInt(code.substring(1))).respondents();
    }

    static int number(String code) {
        return Integer.parseInt(code.substring(1));
    }
}
