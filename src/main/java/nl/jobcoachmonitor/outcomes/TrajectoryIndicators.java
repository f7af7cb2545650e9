package nl.jobcoachmonitor.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The indicators of one trajectory (INSTRUMENTS.md): contact hours in months 0-3 and 3-6 of coaching on the job by
 * party, retained (in paid work at T2), positive development, job fit, rapport, fit with wishes and the capability set.
 * A null means not known (yet): no answer, or the moment has not come.
 */
public record TrajectoryIndicators(long trajectoryId, LocalDate coachingStartedOn, Intensity first, Intensity second,
        LocalDate lastContactOn, Boolean retained, Boolean positiveDevelopment, boolean employmentEnded,
        Integer jobFitFirst, Integer jobFitLatest, BigDecimal rapportEmployee, Integer rapportCoach,
        BigDecimal fitWishes, Integer capabilitySetFirst, Integer capabilitySetLatest, Integer gapsLatest) {

    /** Contact hours in a period of coaching on the job, and how many months of it have passed (at most 3). */
    public record Intensity(BigDecimal months, BigDecimal employeeHours, BigDecimal employerHours,
            BigDecimal totalHours) {

        /** Hours per month, or null when none of the period has passed. */
        public Double perMonth(BigDecimal hours) {
            return months.signum() == 0 ? null : hours.doubleValue() / months.doubleValue();
        }

        public Double totalPerMonth() {
            return perMonth(totalHours);
        }

        public Double employeePerMonth() {
            return perMonth(employeeHours);
        }

        public Double employerPerMonth() {
            return perMonth(employerHours);
        }
    }
}
