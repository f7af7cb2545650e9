package nl.jobcoachmonitor.personaldata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.jobcoachmonitor.audit.AccessHistory;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.measurement.MeasurementManagement.CompletedResponse;
import nl.jobcoachmonitor.measurement.OwnAnswers;
import nl.jobcoachmonitor.mail.EmployeeLinkMails;
import nl.jobcoachmonitor.outcomes.CorrectionRequests;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The own-data page's operations. The coach makes the link (for a trajectory they see); everything else is done on
 * behalf of the employee whose link opened the session, by their employee id only. Every read is logged, with no
 * signed-in user: the employee themself.
 */
@Service
@Transactional
class OwnDataManagement {

    private final OwnDataLinks links;
    private final OwnDataQuery query;
    private final OwnAnswers answers;
    private final AccessHistory history;
    private final CorrectionRequests corrections;
    private final EmployeeLinkMails mails;
    private final TrajectoryManagement trajectories;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final Duration validFor;

    OwnDataManagement(OwnDataLinks links, OwnDataQuery query, OwnAnswers answers, AccessHistory history,
            CorrectionRequests corrections, EmployeeLinkMails mails, TrajectoryManagement trajectories, PersonalDataAccess access, Clock clock,
            @Value("${jcm.owndata.link-valid-for:P30D}") Duration validFor) {
        this.links = links;
        this.query = query;
        this.answers = answers;
        this.history = history;
        this.corrections = corrections;
        this.mails = mails;
        this.trajectories = trajectories;
        this.access = access;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** A new own-data link for the employee of a trajectory the coach sees; the employee's earlier link stops. */
    OwnDataLinks.Created createLink(CurrentUser user, long trajectoryId) {
        var trajectory = trajectories.visible(user, trajectoryId);
        Instant now = clock.instant();
        var created = links.create(trajectory.employeeId(), trajectoryId, user.id(), now, now.plus(validFor));
        access.created("own_data_link", created.id(), trajectory.employeeId());
        return created;
    }

    /** A new link, mailed to the employee's recorded address in one transaction (no mail without its link). */
    void mailLink(CurrentUser user, long trajectoryId, String linkBase, String language) {
        var created = createLink(user, trajectoryId);
        mails.sendOwnData(user, trajectoryId, linkBase, created.token(),
                created.expiresAt().atZone(clock.getZone()).toLocalDate(), language);
    }

    @Transactional(readOnly = true)
    Optional<Long> exchange(String token) {
        return links.find(token, clock.instant()).map(OwnDataLinks.Link::id);
    }

    /** The link of the session while it works: the one employee whose data the session may see. */
    @Transactional(readOnly = true)
    Optional<OwnDataLinks.Link> link(long linkId) {
        var link = links.active(linkId, clock.instant());
        // the rest of the request is the employee's own: the access log says so
        link.ifPresent(l -> access.onBehalfOf(OnBehalfOf.EMPLOYEE));
        return link;
    }

    @Transactional(readOnly = true)
    OwnData data(long employeeId) {
        access.read("own_data", employeeId, employeeId);
        return query.of(employeeId);
    }

    @Transactional(readOnly = true)
    List<CompletedResponse> answers(long employeeId) {
        return answers.of(employeeId);
    }

    @Transactional(readOnly = true)
    List<AccessHistory.Access> accesses(long employeeId) {
        access.read("access_log", employeeId, employeeId);
        return history.of(employeeId);
    }

    long requestCorrection(long employeeId, String text, CorrectionRequests.About about) {
        return corrections.request(employeeId, text, about);
    }
}
