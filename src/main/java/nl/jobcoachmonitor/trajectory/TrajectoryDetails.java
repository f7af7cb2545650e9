package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;
import java.util.List;

/** Everything the trajectory page shows of the trajectory itself, names resolved. */
public record TrajectoryDetails(long id, int version, long employeeId, String employeeName, LocalDate birthDate,
        int age, String employeeEmail, String employeePhone, long organisationId, long coachId, String coachName,
        long commissionerId, String commissionerName, Long employerId, String employerName, TrajectoryPhase phase,
        ClosingReason closingReason, LocalDate startedOn, LocalDate closedOn, Job job, boolean positiveDevelopment,
        List<PhaseStep> phaseHistory, List<JobStep> jobHistory, List<CoachStep> coachHistory) {

    public record PhaseStep(TrajectoryPhase fromPhase, TrajectoryPhase toPhase, LocalDate changedOn,
            ClosingReason closingReason, String changedBy) {
    }

    public record JobStep(LocalDate changedOn, JobChangeKind kind, String jobTitle, java.math.BigDecimal contractHours,
            ContractType contractType, String employerName, String note, String recordedBy) {
    }

    public record CoachStep(String coachName, LocalDate assignedOn, String assignedBy) {
    }
}
