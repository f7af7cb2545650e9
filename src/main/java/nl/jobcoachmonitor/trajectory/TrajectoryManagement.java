package nl.jobcoachmonitor.trajectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.IdentityManagement;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.organisation.Named;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trajectory module's public API. Every method takes the current user and only ever loads what that user may
 * see: a coach their own caseload, a manager their organisation. Anything else is {@link NotFoundException}.
 */
@Service
@Transactional
public class TrajectoryManagement {

    private final Trajectories trajectories;
    private final Employees employees;
    private final IdentityManagement identity;
    private final OrganisationManagement organisations;
    private final PersonalDataAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CoachingStarts coachingStarts;
    private final JdbcClient jdbc;
    private final CorrectionLog corrections;

    TrajectoryManagement(Trajectories trajectories, Employees employees, IdentityManagement identity,
            OrganisationManagement organisations, PersonalDataAccess access, ApplicationEventPublisher events,
            Clock clock, CoachingStarts coachingStarts, JdbcClient jdbc, CorrectionLog corrections) {
        this.corrections = corrections;
        this.coachingStarts = coachingStarts;
        this.jdbc = jdbc;
        this.trajectories = trajectories;
        this.employees = employees;
        this.identity = identity;
        this.organisations = organisations;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The trajectory if the user may see it; otherwise {@link NotFoundException} (logged as denied). */
    @Transactional(readOnly = true)
    public TrajectoryRef visible(CurrentUser user, long id) {
        if (!user.seesCaseContent()) {
            throw new NotFoundException("trajectory", id);
        }
        // Root row only: other modules call this on every page view to scope their own data.
        return jdbc.sql("select id, employee_id, organisation_id, coach_id, phase, started_on from trajectory "
                        + "where id = :id and " + (user.isCoach() ? "coach_id" : "organisation_id") + " = :scope")
                .param("id", id).param("scope", user.isCoach() ? user.id() : user.organisationId())
                .query((rs, n) -> new TrajectoryRef(rs.getLong("id"), rs.getLong("employee_id"),
                        rs.getLong("organisation_id"), rs.getLong("coach_id"),
                        TrajectoryPhase.valueOf(rs.getString("phase")),
                        rs.getObject("started_on", LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("trajectory", id));
    }

    /**
     * Running trajectories coached on the job and when that coaching started, for the measurement module to plan
     * waves the events did not (the demo cohort, or trajectories from before measurement existed). Only ids and
     * dates: no personal data, so no access is logged and no user is needed.
     */
    @Transactional(readOnly = true)
    public List<CoachingStart> coachingStarts() {
        return coachingStarts.running();
    }

    /** {@link #coachingStarts()} in batches: up to {@code limit} trajectories after the given id, in id order. */
    @Transactional(readOnly = true)
    public List<CoachingStart> coachingStarts(long afterId, int limit) {
        return coachingStarts.running(afterId, limit);
    }

    /**
     * The people a mail about this trajectory concerns. The caller has scoped the trajectory already (through
     * {@link #visible}) or is the system itself (the measurement module's reminder job, which has no user): this method
     * does not scope. The read of the employee's name and address is logged.
     */
    @Transactional(readOnly = true)
    public TrajectoryParties parties(long id) {
        record Row(long employeeId, long coachId, Long employerId, String coachEmail, String organisationName) {
        }
        var row = jdbc.sql("""
                select t.employee_id, t.coach_id, t.employer_id, u.email, o.name from trajectory t
                join app_user u on u.id = t.coach_id join organisation o on o.id = t.organisation_id where t.id = :id
                """).param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("trajectory", id));
        var employee = employees.findById(row.employeeId()).orElseThrow();
        String coach = identity.displayNames(List.of(row.coachId())).get(row.coachId());
        String employer = row.employerId() == null ? null
                : organisations.employerNames(List.of(row.employerId())).get(row.employerId());
        access.read("employee", employee.id(), employee.id());
        return new TrajectoryParties(id, employee.id(), employee.firstName(), employee.fullName(), employee.email(),
                coach, employer, row.coachEmail(), row.organisationName());
    }

    /** The trajectory page's data. The read is logged. */
    @Transactional(readOnly = true)
    public TrajectoryDetails open(CurrentUser user, long id) {
        var t = load(user, id);
        var employee = employees.findById(t.getEmployeeId()).orElseThrow();
        access.read("trajectory", id, employee.id());
        return details(t, employee);
    }

    @Transactional(readOnly = true)
    public List<TrajectoryDetails> openAll(CurrentUser user) {
        List<Trajectory> list = user.isCoach() ? trajectories.findByCoachIdOrderByStartedOnDesc(user.id())
                : user.isManager() ? trajectories.findByOrganisationIdOrderByStartedOnDesc(user.organisationId())
                : List.of();
        access.searched("trajectory", "list");
        var people = employees.findAllById(list.stream().map(Trajectory::getEmployeeId).distinct().toList())
                .stream().collect(Collectors.toMap(Employee::id, e -> e));
        list.forEach(t -> access.read("trajectory", t.getId(), t.getEmployeeId()));
        return list.stream().map(t -> details(t, people.get(t.getEmployeeId()))).toList();
    }

    /**
     * Employees this user may start a new trajectory for (e.g. someone returning after a closed one); not those whose
     * data were erased (someone returning after that is a new employee).
     */
    @Transactional(readOnly = true)
    public List<Named> knownEmployees(CurrentUser user) {
        List<Employee> list = user.isCoach() ? employees.findOfCoach(user.id())
                : user.isManager() ? employees.findByOrganisationIdOrderByLastNameAscFirstNameAsc(user.organisationId())
                : List.of();
        access.searched("employee", "list");
        return list.stream().filter(e -> !EmployeeErasure.ERASED.equals(e.lastName()))
                .map(e -> new Named(e.id(), e.lastName() + ", " + e.firstName())).toList();
    }

    public long start(CurrentUser user, StartTrajectoryForm form) {
        requireCaseRole(user);
        long organisationId = user.organisationId();
        Employee employee;
        if (form.isNewEmployee()) {
            if (form.firstName() == null || form.firstName().isBlank()) {
                throw new DomainRuleViolation("firstName", "NotBlank");
            }
            if (form.lastName() == null || form.lastName().isBlank()) {
                throw new DomainRuleViolation("lastName", "NotBlank");
            }
            if (form.birthDate() == null) {
                throw new DomainRuleViolation("birthDate", "NotNull");
            }
            employee = employees.save(new Employee(null, organisationId, form.firstName().trim(),
                    form.lastName().trim(), form.birthDate(), blankToNull(form.email()), blankToNull(form.phone()),
                    null));
            access.created("employee", employee.id(), employee.id());
        } else {
            employee = (user.isCoach() ? employees.findByIdOfCoach(form.employeeId(), user.id())
                    : employees.findByIdAndOrganisationId(form.employeeId(), organisationId))
                    .filter(e -> !EmployeeErasure.ERASED.equals(e.lastName()))
                    .orElseThrow(() -> new DomainRuleViolation("employeeId", "trajectory.employee.unknown"));
        }
        organisations.commissioner(form.commissionerId())
                .orElseThrow(() -> new DomainRuleViolation("commissionerId", "trajectory.commissioner.unknown"));
        Long employerId = employer(organisationId, form.employerId(), form.newEmployerName());
        long coachId = user.isCoach() ? user.id() : coachOf(organisationId, form.coachId());
        var trajectory = trajectories.save(Trajectory.start(employee.id(), organisationId, coachId,
                form.commissionerId(), employerId, form.job(), form.phase(), form.startedOn(), today(), user.id()));
        access.created("trajectory", trajectory.getId(), employee.id());
        events.publishEvent(new TrajectoryStarted(trajectory.getId(), employee.id(), organisationId,
                form.commissionerId(), trajectory.getPhase(), trajectory.getStartedOn()));
        return trajectory.getId();
    }

    public void changePhase(CurrentUser user, long id, ChangePhaseForm form) {
        var t = loadForChange(user, id, form.version());
        var from = t.getPhase();
        Long employerId = form.startsAJob(from)
                ? employerByIdOrName(t.getOrganisationId(), form.employerId(), form.employerName()) : null;
        t.moveTo(form.phase(), form.changedOn(), form.closingReason(), employerId, form.job(), today(), user.id());
        save(t);
        access.changed("trajectory", id, t.getEmployeeId());
        events.publishEvent(new TrajectoryPhaseChanged(id, from, t.getPhase(), form.changedOn(), t.getClosingReason()));
    }

    public void recordJobChange(CurrentUser user, long id, JobChangeForm form) {
        var t = loadForChange(user, id, form.version());
        Long employerId = form.employerId() != null ? employer(t.getOrganisationId(), form.employerId(), null) : null;
        t.recordJobChange(new JobChange(form.changedOn(), form.kind(), blankToNull(form.jobTitle()),
                form.contractHours(), form.contractType(), employerId, blankToNull(form.note()), user.id()), today());
        save(t);
        access.changed("trajectory", id, t.getEmployeeId());
        events.publishEvent(new JobChanged(id, form.kind(), form.changedOn()));
    }

    /** A manager hands a trajectory to another coach of the organisation. */
    public void reassign(CurrentUser user, long id, ReassignForm form) {
        if (!user.isManager()) {
            throw new NotFoundException("trajectory", id);
        }
        var t = loadForChange(user, id, form.version());
        var coach = identity.staffMember(form.coachId())
                .filter(c -> c.role() == Role.COACH)
                .filter(c -> c.organisationId() != null && c.organisationId().equals(t.getOrganisationId()))
                .orElseThrow(() -> new DomainRuleViolation("coachId", "trajectory.reassign.unknownCoach"));
        long from = t.getCoachId();
        t.reassignTo(coach.id(), today(), user.id(), form.reason().strip());
        save(t);
        access.changed("trajectory", id, t.getEmployeeId());
        events.publishEvent(new TrajectoryReassigned(id, from, coach.id(), today()));
    }

    /** Per coach of the manager's organisation: the number of running (not closed) trajectories they coach. */
    @Transactional(readOnly = true)
    public Map<Long, Long> caseloadSizes(CurrentUser user) {
        if (!user.isManager()) {
            return Map.of();
        }
        return jdbc.sql("select coach_id, count(*) from trajectory where organisation_id = :o and phase <> 'CLOSED' "
                + "group by coach_id").param("o", user.organisationId())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The employee's details as the correction form starts, for a trajectory the user sees. The read is logged. */
    @Transactional(readOnly = true)
    public CorrectEmployeeForm employeeForm(CurrentUser user, long trajectoryId) {
        var e = correctable(user, trajectoryId);
        access.read("employee", e.id(), e.id());
        return new CorrectEmployeeForm(e.version(), e.firstName(), e.lastName(), e.email(), e.phone());
    }

    /**
     * Corrects the employee's name, e-mail or phone from a trajectory the user sees (coach: their caseload, manager:
     * the organisation); each changed field goes to the correction history. {@link ConflictException} when someone
     * else changed the details since the form was opened.
     */
    public void correctEmployee(CurrentUser user, long trajectoryId, CorrectEmployeeForm form) {
        var e = correctable(user, trajectoryId);
        if (form.version() == null || !form.version().equals(e.version())) {
            throw new ConflictException("employee", e.id());
        }
        var corrected = new Employee(e.id(), e.organisationId(), form.firstName().strip(), form.lastName().strip(),
                e.birthDate(), blankToNull(form.email()), blankToNull(form.phone()), e.version());
        var changes = new CorrectionLog.Changes().field("firstName", e.firstName(), corrected.firstName())
                .field("lastName", e.lastName(), corrected.lastName()).field("email", e.email(), corrected.email())
                .field("phone", e.phone(), corrected.phone());
        if (changes.isEmpty()) {
            return;
        }
        try {
            employees.save(corrected);
        } catch (OptimisticLockingFailureException x) {
            throw new ConflictException("employee", e.id());
        }
        corrections.record(e.id(), trajectoryId, CorrectionLog.Subject.EMPLOYEE, e.id(), changes.list(), user.id());
        access.changed("employee", e.id(), e.id());
    }

    /** The employee of a trajectory the user sees, unless their data were erased (then there is nothing to correct). */
    private Employee correctable(CurrentUser user, long trajectoryId) {
        var t = load(user, trajectoryId);
        return employees.findById(t.getEmployeeId()).filter(e -> !EmployeeErasure.ERASED.equals(e.lastName()))
                .orElseThrow(() -> new NotFoundException("employee", t.getEmployeeId()));
    }

    private Trajectory load(CurrentUser user, long id) {
        Optional<Trajectory> found = user.isCoach() ? trajectories.findByIdAndCoachId(id, user.id())
                : user.isManager() ? trajectories.findByIdAndOrganisationId(id, user.organisationId())
                : Optional.empty();
        return found.orElseThrow(() -> new NotFoundException("trajectory", id));
    }

    private Trajectory loadForChange(CurrentUser user, long id, Integer expectedVersion) {
        var t = load(user, id);
        if (expectedVersion == null || !expectedVersion.equals(t.getVersion())) {
            throw new ConflictException("trajectory", id);
        }
        return t;
    }

    private void save(Trajectory t) {
        try {
            trajectories.save(t);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("trajectory", t.getId());
        }
    }

    /**
     * The employer chosen by id, or typed by name: the organisation's employer of that name (ignoring case and spaces
     * around it), or else a new employer of the organisation. Never another organisation's employer.
     */
    private Long employerByIdOrName(long organisationId, Long employerId, String name) {
        if (employerId != null || name == null || name.isBlank()) {
            return employer(organisationId, employerId, null);
        }
        String wanted = name.strip();
        return organisations.employersOf(organisationId).stream()
                .filter(e -> e.name().strip().equalsIgnoreCase(wanted))
                .map(Named::id).min(Long::compare)
                .orElseGet(() -> organisations.addEmployer(organisationId, wanted, null).id());
    }

    private Long employer(long organisationId, Long employerId, String newEmployerName) {
        if (employerId != null) {
            return organisations.employerOf(organisationId, employerId)
                    .orElseThrow(() -> new DomainRuleViolation("employerId", "trajectory.employer.unknown")).id();
        }
        if (newEmployerName != null && !newEmployerName.isBlank()) {
            return organisations.addEmployer(organisationId, newEmployerName, null).id();
        }
        return null;
    }

    private long coachOf(long organisationId, Long coachId) {
        return identity.coachesOf(organisationId).stream().filter(c -> Long.valueOf(c.id()).equals(coachId))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation("coachId", "trajectory.reassign.unknownCoach")).id();
    }

    private static void requireCaseRole(CurrentUser user) {
        if (!user.seesCaseContent()) {
            throw new NotFoundException("trajectory", "new");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }


    private TrajectoryDetails details(Trajectory t, Employee e) {
        Set<Long> staff = new HashSet<>();
        staff.add(t.getCoachId());
        t.getPhaseChanges().forEach(p -> staff.add(p.changedBy()));
        t.getJobChanges().forEach(j -> staff.add(j.recordedBy()));
        t.getCoachAssignments().forEach(a -> {
            staff.add(a.coachId());
            staff.add(a.assignedBy());
        });
        staff.remove(null);
        Map<Long, String> names = identity.displayNames(staff);
        Set<Long> employerIds = new HashSet<>();
        if (t.getEmployerId() != null) {
            employerIds.add(t.getEmployerId());
        }
        t.getJobChanges().forEach(j -> {
            if (j.employerId() != null) {
                employerIds.add(j.employerId());
            }
        });
        Map<Long, String> employers = organisations.employerNames(employerIds);
        var phases = new ArrayList<TrajectoryDetails.PhaseStep>();
        t.getPhaseChanges().forEach(p -> phases.add(new TrajectoryDetails.PhaseStep(p.fromPhase(), p.toPhase(),
                p.changedOn(), p.closingReason(), names.get(p.changedBy()))));
        var jobs = new ArrayList<TrajectoryDetails.JobStep>();
        t.getJobChanges().forEach(j -> jobs.add(new TrajectoryDetails.JobStep(j.changedOn(), j.kind(), j.jobTitle(),
                j.contractHours(), j.contractType(), employers.get(j.employerId()), j.note(),
                names.get(j.recordedBy()))));
        var coaches = new ArrayList<TrajectoryDetails.CoachStep>();
        t.getCoachAssignments().forEach(a -> coaches.add(new TrajectoryDetails.CoachStep(names.get(a.coachId()),
                a.assignedOn(), names.get(a.assignedBy()))));
        String commissioner = organisations.commissioner(t.getCommissionerId()).map(Named::name).orElse("");
        return new TrajectoryDetails(t.getId(), t.getVersion(), e.id(), e.fullName(), e.birthDate(),
                e.ageOn(today()), e.email(), e.phone(), t.getOrganisationId(), t.getCoachId(),
                names.get(t.getCoachId()), t.getCommissionerId(), commissioner, t.getEmployerId(),
                employers.get(t.getEmployerId()), t.getPhase(), t.getClosingReason(), t.getStartedOn(),
                t.getClosedOn(), t.getJob(), t.hasPositiveDevelopment(), List.copyOf(phases), List.copyOf(jobs),
                List.copyOf(coaches));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
