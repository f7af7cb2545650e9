package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** Moves a trajectory to another phase. Job fields only when a job search ends in a job. */
public record ChangePhaseForm(
        @NotNull Integer version,
        @NotNull TrajectoryPhase phase,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate changedOn,
        ClosingReason closingReason,
        Long employerId,
        @Size(max = 200) String jobTitle,
        @DecimalMin("1") @DecimalMax("60") BigDecimal contractHours,
        ContractType contractType) {

    Job job() {
        if (jobTitle == null || jobTitle.isBlank()) {
            return null;
        }
        return new Job(jobTitle.trim(), contractHours, contractType, changedOn);
    }
}
