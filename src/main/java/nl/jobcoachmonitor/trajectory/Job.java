package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

/** The job the employee is coached in: function, contract hours per week, contract type and start date. */
public record Job(String title, BigDecimal contractHours, ContractType contractType, LocalDate startedOn) {

    /**
     * What a form for a new job misses, all at once (the aggregate checks the same, one by one): an employer (shown at
     * {@code employerField}), the job title and the contract hours.
     */
    static List<DomainRuleViolation> missing(String employerField, boolean employerGiven, String title,
            BigDecimal contractHours) {
        var missing = new ArrayList<DomainRuleViolation>();
        if (!employerGiven) {
            missing.add(new DomainRuleViolation(employerField, "trajectory.employer.required"));
        }
        if (title == null || title.isBlank()) {
            missing.add(new DomainRuleViolation("jobTitle", "trajectory.job.required"));
        }
        if (contractHours == null) {
            missing.add(new DomainRuleViolation("contractHours", "trajectory.job.hoursRequired"));
        }
        return missing;
    }
}
