package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** More hours, new tasks, another employer, a better contract: kept with its date. */
public record JobChangeForm(
        @NotNull Integer version,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate changedOn,
        @NotNull JobChangeKind kind,
        @Size(max = 200) String jobTitle,
        @DecimalMin("1") @DecimalMax("60") BigDecimal contractHours,
        ContractType contractType,
        Long employerId,
        @Size(max = 500) String note) {
}
