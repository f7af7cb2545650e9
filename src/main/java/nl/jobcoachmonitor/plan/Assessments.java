package nl.jobcoachmonitor.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.mail.EmployeeLinkMails;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.TrajectoryRef;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's and the employer contact's assessment of the coaching, asked by a personal link: the coach of a
 * draft report makes the link (shown once); the respondent's grade and remark land in the draft, where the coach still
 * sees them before signing off. Requests through the link are logged on the respondent's behalf.
 */
@Component
@Transactional
public class Assessments {

    private final PlanManagement plans;
    private final AccountabilityReports reports;
    private final AssessmentLinks links;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final EmployeeLinkMails mails;
    private final Duration validity;

    Assessments(PlanManagement plans, AccountabilityReports reports, AssessmentLinks links, PersonalDataAccess access,
            EmployeeLinkMails mails, Clock clock, @Value("${jcm.assessment.link-days:30}") int linkDays) {
        this.mails = mails;
        this.plans = plans;
        this.reports = reports;
        this.links = links;
        this.access = access;
        this.clock = clock;
        this.validity = Duration.ofDays(linkDays);
    }

    /** A new link for the draft report (a signed-off one answers 409); only the trajectory's coach. */
    public AssessmentLinks.Created createLink(CurrentUser user, long trajectoryId, long reportId,
            OnBehalfOf respondent) {
        TrajectoryRef trajectory = plans.coachOnly(user, trajectoryId);
        var report = reports.find(trajectoryId, reportId)
                .orElseThrow(() -> new NotFoundException("accountability report", reportId));
        if (report.signed()) {
            throw new ConflictException("accountability report", reportId);
        }
        Instant now = clock.instant();
        var created = links.create(reportId, respondent, user.id(), now, now.plus(validity));
        access.created("assessment_link", created.id(), trajectory.employeeId());
        return created;
    }

    /**
     * A new employee's link mailed to their recorded address (refused without one), through the questionnaire mail
     * machinery; {@code linkBase} is the application's address.
     */
    public void mailEmployeeLink(CurrentUser user, long trajectoryId, long reportId, String linkBase, String language) {
        var created = createLink(user, trajectoryId, reportId, OnBehalfOf.EMPLOYEE);
        mails.sendAssessment(user, trajectoryId, linkBase, created.token(),
                created.expiresAt().atZone(clock.getZone()).toLocalDate(), language);
    }

    /** The state of a report's links, for the report page (the caller has already read the report itself). */
    @Transactional(readOnly = true)
    public List<AssessmentLinks.State> states(long reportId) {
        return links.states(reportId);
    }

    /** The link behind a token, if it still works; empty looks the same for every reason. */
    @Transactional(readOnly = true)
    public Optional<Long> exchange(String token) {
        return links.find(token, clock.instant()).map(AssessmentLinks.Link::id);
    }

    /** The working link of a session; its opening is logged on the respondent's behalf. */
    public Optional<AssessmentLinks.Link> open(long linkId) {
        return links.active(linkId, clock.instant()).map(link -> {
            access.onBehalfOf(link.respondent());
            access.read("assessment_link", link.id(), link.employeeId());
            return link;
        });
    }

    /** Stores the answer in the draft report and uses up the link; false if the link no longer works. */
    public boolean submit(long linkId, AssessmentForm form) {
        var found = links.active(linkId, clock.instant());
        if (found.isEmpty() || !links.use(linkId, clock.instant())) {
            return false;
        }
        var link = found.get();
        access.onBehalfOf(link.respondent());
        String remark = form.remark() == null || form.remark().isBlank() ? null : form.remark().strip();
        reports.assess(link.reportId(), link.respondent() == OnBehalfOf.EMPLOYER_CONTACT, form.grade(), remark);
        access.changed("accountability-report", link.reportId(), link.employeeId());
        return true;
    }
}
