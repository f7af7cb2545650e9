package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A recorded change of the job, kept with its date so that positive development stays visible. */
public record JobChange(LocalDate changedOn, JobChangeKind kind, String jobTitle, BigDecimal contractHours,
        ContractType contractType, Long employerId, String note, Long recordedBy) {
}
