package nl.jobcoachmonitor.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one wave of a trajectory measured: the employee's work, rapport, fit with wishes, disclosure and grades, the
 * coach's job fit and rapport, and the work values (importance, offer, achievement per value; capability set and gaps).
 */
public record WaveIndicators(long trajectoryId, String wave, LocalDate dueOn, Boolean paidWork,
        BigDecimal contractHours, String tasksChange, Integer jobFit, BigDecimal rapportEmployee, Integer rapportCoach,
        BigDecimal fitWishes, Integer coachValue, String disclosedEmployer, Integer reactionEmployer,
        String disclosedColleagues, Integer reactionColleagues, Integer capabilitySet, List<String> gaps,
        Boolean careConflict, Map<String, Scores> workValues, LocalDate employeeAnsweredOn) {

    /** One work value's three answers (1-5), each possibly missing. */
    public record Scores(Integer important, Integer offered, Integer achieved) {
    }

    /** The work values answered at this wave, by code, in the instrument's order. */
    public List<String> workValueCodes() {
        return List.copyOf(workValues.keySet());
    }

    /** Importance per work value, in the order of {@link #workValueCodes()}; empty text when not answered. */
    public List<String> importantScores() {
        return workValues.values().stream().map(s -> s.important() == null ? "" : s.important().toString()).toList();
    }

    /** Achievement per work value, in the order of {@link #workValueCodes()}; empty text when not answered. */
    public List<String> achievedScores() {
        return workValues.values().stream().map(s -> s.achieved() == null ? "" : s.achieved().toString()).toList();
    }

    boolean employeeAnswered() {
        return paidWork != null || rapportEmployee != null || capabilitySet != null;
    }
}
