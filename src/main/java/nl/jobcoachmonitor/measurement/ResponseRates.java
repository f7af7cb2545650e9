package nl.jobcoachmonitor.measurement;

import java.util.List;
import java.util.Map;

/**
 * How many of the questionnaires asked were completed, per wave and per coach of an organisation: for the manager.
 * A questionnaire counts as asked once its wave is overdue (14 days after it was due), so that the rates do not dip
 * for waves whose window is still open; cancelled waves do not count.
 */
public record ResponseRates(List<Rate> perWave, Map<Long, Rate> perCoach) {

    /** Asked and completed per respondent; the employer's questionnaire (T0, T2) is voluntary. */
    public record Rate(String wave, Count employee, Count coach, Count employer) {

        Rate plus(Rate other) {
            return new Rate(wave, employee.plus(other.employee), coach.plus(other.coach),
                    employer.plus(other.employer));
        }
    }

    public record Count(int asked, int completed) {

        static final Count NONE = new Count(0, 0);

        Count plus(Count other) {
            return new Count(asked + other.asked, completed + other.completed);
        }

        public boolean any() {
            return asked > 0;
        }

        /** The share completed, in whole percent. */
        public long percent() {
            return asked == 0 ? 0 : Math.round(100.0 * completed / asked);
        }
    }
}
