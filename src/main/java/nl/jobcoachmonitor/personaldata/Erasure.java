package nl.jobcoachmonitor.personaldata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import nl.jobcoachmonitor.coaching.ContactErasure;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.mail.MailErasure;
import nl.jobcoachmonitor.measurement.MeasurementErasure;
import nl.jobcoachmonitor.outcomes.SignalErasure;
import nl.jobcoachmonitor.plan.PlanErasure;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.EmployeeErasure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one person's identifying data, in one transaction: every module removes its part (questionnaire links and
 * mails, contact notes and reasons, signal texts, goals and report texts, own-data links) and the employee row comes last; if any statement fails, the
 * transaction rolls back and nothing is erased. What stays is anonymous: the trajectories with their dates and phases,
 * contact minutes, parties and themes, the answers (no free text) and every indicator, for the statistics.
 *
 * <p>The access log keeps the pseudonymous employee id only (it never held names) and gets a DELETE entry; the erasure
 * itself is recorded in {@code person_erasure} with who asked and why.
 */
@Component
class Erasure {

    static final int REASON_MAX = 500;

    private final EmployeeErasure employees;
    private final ContactErasure contacts;
    private final MeasurementErasure measurements;
    private final SignalErasure signals;
    private final PlanErasure plans;
    private final MailErasure mails;
    private final OwnDataLinks links;
    private final PersonalDataAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;

    Erasure(EmployeeErasure employees, ContactErasure contacts, MeasurementErasure measurements,
            SignalErasure signals, PlanErasure plans, MailErasure mails, OwnDataLinks links, PersonalDataAccess access, JdbcClient jdbc,
            Clock clock) {
        this.employees = employees;
        this.contacts = contacts;
        this.measurements = measurements;
        this.signals = signals;
        this.plans = plans;
        this.mails = mails;
        this.links = links;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<EmployeeErasure.Subject> subject(long employeeId) {
        return employees.subject(employeeId);
    }

    /**
     * Erases the employee now; {@code by} is the administrator (null: the retention job). Refused while a trajectory
     * of the employee still runs, and for an employee already erased.
     */
    @Transactional
    void erase(long employeeId, String reason, Long by) {
        var subject = employees.subject(employeeId).orElseThrow(() -> new NotFoundException("employee", employeeId));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new DomainRuleViolation("reason", "erasure.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw new DomainRuleViolation("reason", "erasure.reason.tooLong");
        }
        if (subject.erasedAt() != null) {
            throw new DomainRuleViolation("employee", "erasure.already");
        }
        if (subject.running()) {
            throw new DomainRuleViolation("employee", "erasure.running");
        }
        Instant now = clock.instant();
        var trajectories = subject.trajectoryIds();
        jdbc.sql("insert into person_erasure (employee_id, erased_at, erased_by, reason) values (:e, :now, :by, :why)")
                .param("e", employeeId).param("now", Timestamp.from(now)).param("by", by).param("why", why)
                .update();
        measurements.erase(trajectories);
        contacts.erase(trajectories);
        signals.erase(trajectories);
        plans.erase(trajectories);
        mails.erase(employeeId);
        links.deleteOf(employeeId);
        employees.erase(subject, now);
        access.deleted("employee", employeeId, employeeId);
    }
}
