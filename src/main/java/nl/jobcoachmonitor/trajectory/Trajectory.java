package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A coaching trajectory: one employee, coached by one coach at a time, commissioned by a municipality or UWV. Guards
 * its phase transitions and keeps the history of phases, job changes and coaches.
 */
class Trajectory {

    @Id
    private Long id;
    private final Long employeeId;
    private final Long organisationId;
    private Long coachId;
    private final Long commissionerId;
    private Long employerId;
    private TrajectoryPhase phase;
    private ClosingReason closingReason;
    private final LocalDate startedOn;
    private LocalDate closedOn;
    @Embedded.Nullable(prefix = "job_")
    private Job job;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "trajectory_id", keyColumn = "position")
    private final List<PhaseChange> phaseChanges;
    @MappedCollection(idColumn = "trajectory_id", keyColumn = "position")
    private final List<JobChange> jobChanges;
    @MappedCollection(idColumn = "trajectory_id", keyColumn = "position")
    private final List<CoachAssignment> coachAssignments;

    @PersistenceCreator
    Trajectory(Long id, Long employeeId, Long organisationId, Long coachId, Long commissionerId, Long employerId,
            TrajectoryPhase phase, ClosingReason closingReason, LocalDate startedOn, LocalDate closedOn, Job job,
            Integer version, List<PhaseChange> phaseChanges, List<JobChange> jobChanges,
            List<CoachAssignment> coachAssignments) {
        this.id = id;
        this.employeeId = employeeId;
        this.organisationId = organisationId;
        this.coachId = coachId;
        this.commissionerId = commissionerId;
        this.employerId = employerId;
        this.phase = phase;
        this.closingReason = closingReason;
        this.startedOn = startedOn;
        this.closedOn = closedOn;
        this.job = job;
        this.version = version;
        this.phaseChanges = new ArrayList<>(phaseChanges);
        this.jobChanges = new ArrayList<>(jobChanges);
        this.coachAssignments = new ArrayList<>(coachAssignments);
    }

    /**
     * Starts a trajectory in the job search phase, or directly in coaching on the job when the employee already has
     * a job (then employer and job are required).
     */
    static Trajectory start(long employeeId, long organisationId, long coachId, long commissionerId, Long employerId,
            Job job, TrajectoryPhase phase, LocalDate startedOn, LocalDate today, long startedBy) {
        if (phase != TrajectoryPhase.JOB_SEARCH && phase != TrajectoryPhase.COACHING) {
            throw new DomainRuleViolation("phase", "trajectory.phase.startNotAllowed");
        }
        notInFuture("startedOn", startedOn, today);
        if (phase == TrajectoryPhase.COACHING) {
            requireJob(employerId, job);
        }
        var trajectory = new Trajectory(null, employeeId, organisationId, coachId, commissionerId, employerId,
                phase, null, startedOn, null, job, null, List.of(), List.of(), List.of());
        trajectory.phaseChanges.add(new PhaseChange(null, phase, startedOn, null, startedBy));
        trajectory.coachAssignments.add(new CoachAssignment(coachId, startedOn, startedBy, null));
        return trajectory;
    }

    /** Moves to another phase, if the jump is allowed. Closing needs a reason; a job needs a job. */
    void moveTo(TrajectoryPhase target, LocalDate on, ClosingReason reason, Long employerId, Job newJob,
            LocalDate today, long by) {
        if (target == null || !phase.canMoveTo(target)) {
            throw new DomainRuleViolation("phase", "trajectory.phase.jumpNotAllowed");
        }
        notInFuture("changedOn", on, today);
        if (on.isBefore(lastPhaseChangeOn())) {
            throw new DomainRuleViolation("changedOn", "trajectory.phase.beforeLastChange");
        }
        if (target == TrajectoryPhase.CLOSED && reason == null) {
            throw new DomainRuleViolation("closingReason", "trajectory.closingReason.required");
        }
        if (target != TrajectoryPhase.CLOSED && reason != null) {
            throw new DomainRuleViolation("closingReason", "trajectory.closingReason.onlyWhenClosing");
        }
        if (phase == TrajectoryPhase.JOB_SEARCH && target == TrajectoryPhase.COACHING) {
            requireJob(employerId, newJob);
            this.employerId = employerId;
            this.job = newJob;
        }
        phaseChanges.add(new PhaseChange(phase, target, on, reason, by));
        this.phase = target;
        this.closingReason = reason;
        this.closedOn = target == TrajectoryPhase.CLOSED ? on : null;
    }

    /** Records a change of the job; the job details follow the change. */
    void recordJobChange(JobChange change, LocalDate today) {
        if (job == null) {
            throw new DomainRuleViolation("kind", "trajectory.jobChange.noJob");
        }
        notInFuture("changedOn", change.changedOn(), today);
        if (change.changedOn().isBefore(startedOn)) {
            throw new DomainRuleViolation("changedOn", "trajectory.date.beforeStart");
        }
        if (change.kind() == JobChangeKind.OTHER_EMPLOYER && change.employerId() == null) {
            throw new DomainRuleViolation("employerId", "trajectory.employer.required");
        }
        if (change.kind() == JobChangeKind.MORE_HOURS && change.contractHours() != null
                && job.contractHours() != null && change.contractHours().compareTo(job.contractHours()) <= 0) {
            throw new DomainRuleViolation("contractHours", "trajectory.jobChange.hoursNotMore");
        }
        jobChanges.add(change);
        this.job = new Job(
                change.jobTitle() != null ? change.jobTitle() : job.title(),
                change.contractHours() != null ? change.contractHours() : job.contractHours(),
                change.contractType() != null ? change.contractType() : job.contractType(),
                change.kind() == JobChangeKind.OTHER_EMPLOYER ? change.changedOn() : job.startedOn());
        if (change.employerId() != null) {
            this.employerId = change.employerId();
        }
    }

    /** Hands the trajectory to another coach of the same organisation; the history keeps who had it before. */
    void reassignTo(long newCoachId, LocalDate on, long by, String reason) {
        if (newCoachId == coachId) {
            throw new DomainRuleViolation("coachId", "trajectory.reassign.sameCoach");
        }
        coachAssignments.add(new CoachAssignment(newCoachId, on, by, reason));
        this.coachId = newCoachId;
    }

    boolean hasPositiveDevelopment() {
        return jobChanges.stream().anyMatch(c -> c.kind().isPositive());
    }

    private LocalDate lastPhaseChangeOn() {
        return phaseChanges.isEmpty() ? startedOn : phaseChanges.get(phaseChanges.size() - 1).changedOn();
    }

    private static void requireJob(Long employerId, Job job) {
        if (employerId == null) {
            throw new DomainRuleViolation("employerId", "trajectory.employer.required");
        }
        if (job == null || job.title() == null || job.title().isBlank()) {
            throw new DomainRuleViolation("jobTitle", "trajectory.job.required");
        }
        if (job.contractHours() == null) {
            throw new DomainRuleViolation("contractHours", "trajectory.job.hoursRequired");
        }
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date == null) {
            throw new DomainRuleViolation(field, "validation.date.required");
        }
        if (date.isAfter(today)) {
            throw new DomainRuleViolation(field, "validation.date.future");
        }
    }

    Long getId() { return id; }
    Long getEmployeeId() { return employeeId; }
    Long getOrganisationId() { return organisationId; }
    Long getCoachId() { return coachId; }
    Long getCommissionerId() { return commissionerId; }
    Long getEmployerId() { return employerId; }
    TrajectoryPhase getPhase() { return phase; }
    ClosingReason getClosingReason() { return closingReason; }
    LocalDate getStartedOn() { return startedOn; }
    LocalDate getClosedOn() { return closedOn; }
    Job getJob() { return job; }
    Integer getVersion() { return version; }
    List<PhaseChange> getPhaseChanges() { return Collections.unmodifiableList(phaseChanges); }
    List<JobChange> getJobChanges() { return Collections.unmodifiableList(jobChanges); }
    List<CoachAssignment> getCoachAssignments() { return Collections.unmodifiableList(coachAssignments); }
}
