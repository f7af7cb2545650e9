package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Moves a trajectory to another phase. Job fields only when a job search ends in a job: the employer from the address
 * book ({@code employerId}) or by its name ({@code employerName}: an employer of the organisation with that name, or
 * else a new one), as the new-trajectory form can.
 */
public record ChangePhaseForm(
        @NotNull Integer version,
        @NotNull TrajectoryPhase phase,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate changedOn,
        ClosingReason closingReason,
        Long employerId,
        @Size(max = 200) String jobTitle,
        @DecimalMin("1") @DecimalMax("60") BigDecimal contractHours,
        ContractType contractType,
        @Size(max = 200) String employerName) {

    /** Whether the move needs a job: a job search that ends in coaching on the job. */
    public boolean startsAJob(TrajectoryPhase from) {
        return from == TrajectoryPhase.JOB_SEARCH && phase == TrajectoryPhase.COACHING;
    }

    /** Every rule of a new job this form breaks, all at once (the aggregate checks them again, one by one). */
    public List<DomainRuleViolation> jobRulesBroken() {
        return Job.missing("employerName", employerId != null || (employerName != null && !employerName.isBlank()),
                jobTitle, contractHours);
    }

    Job job() {
        if (jobTitle == null || jobTitle.isBlank()) {
            return null;
        }
        return new Job(jobTitle.trim(), contractHours, contractType, changedOn);
    }
}
