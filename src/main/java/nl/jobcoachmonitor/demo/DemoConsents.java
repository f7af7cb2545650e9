package nl.jobcoachmonitor.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The employees' consent decisions of the demo cohort, with dice of their own so the rest of the cohort stays the
 * same: most gave consent for research at the start of their trajectory, some refused, a few never decided, and a few
 * gave it and withdrew it later. About a quarter agreed to share their questionnaire answers with the employer.
 */
final class DemoConsents {

    static final String TEXT_VERSION = "2026-1";

    private final Dice dice;
    private final LocalDate today;

    DemoConsents(Dice dice, LocalDate today) {
        this.dice = dice;
        this.today = today;
    }

    /** One decision: purpose, given, on, recorded by the coach at index {@code coach}. */
    record Decision(int trajectory, String purpose, boolean given, LocalDate on, int coach) {
    }

    List<Decision> decide(List<DemoCohort.Trajectory> cohort) {
        List<Decision> decisions = new ArrayList<>();
        for (int index = 0; index < cohort.size(); index++) {
            var t = cohort.get(index);
            LocalDate start = t.startedOn().isAfter(today) ? today : t.startedOn();
            int kind = dice.weightedIndex(80, 12, 8);
            if (kind == 0) {
                decisions.add(new Decision(index, "RESEARCH", true, start, t.coach()));
                long days = ChronoUnit.DAYS.between(start, today);
                if (days > 30 && dice.chance(0.08)) {
                    decisions.add(new Decision(index, "RESEARCH", false,
                            start.plusDays(dice.between(30, (int) Math.min(days, 600))), t.coach()));
                }
            } else if (kind == 1) {
                decisions.add(new Decision(index, "RESEARCH", false, start, t.coach()));
            }
            if (dice.chance(0.25)) {
                decisions.add(new Decision(index, "EMPLOYER_SHARING", true, start, t.coach()));
            }
        }
        return decisions;
    }
}
