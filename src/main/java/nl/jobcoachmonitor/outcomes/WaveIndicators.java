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
        Boolean careConflict, Map<String, Scores> workValues) {

    /** One work value's three answers (1-5), each possibly missing. */
    public record Scores(Integer important, Integer offered, Integer achieved) {
    }

    boolean employeeAnswered() {
        return paidWork != null || rapportEmployee != null || capabilitySet != null;
    }
}
