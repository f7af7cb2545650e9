package nl.jobcoachmonitor.trajectory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's consent, per trajectory: recorded by the trajectory's coach or the organisation's manager (scoped
 * through {@link TrajectoryManagement#visible}, reads and changes logged), and the public read the research export
 * uses ({@link #consentedToResearch}). The rule {@code ConsentRequiredForResearch}: only a trajectory whose latest
 * research decision is "given" at the moment of reading may leave for research.
 */
@Service
@Transactional
public class ConsentManagement {

    private final Consents consents;
    private final TrajectoryManagement trajectories;
    private final PersonalDataAccess access;
    private final Clock clock;

    ConsentManagement(Consents consents, TrajectoryManagement trajectories, PersonalDataAccess access, Clock clock) {
        this.consents = consents;
        this.trajectories = trajectories;
        this.access = access;
        this.clock = clock;
    }

    /** The consent history of a trajectory the user may see, newest first; the read is logged. */
    @Transactional(readOnly = true)
    public ConsentState state(CurrentUser user, long trajectoryId) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var history = consents.history(trajectoryId);
        access.read("consent", trajectoryId, trajectory.employeeId());
        return new ConsentState(trajectoryId, history);
    }

    public void record(CurrentUser user, long trajectoryId, RecordConsentForm form) {
        var trajectory = trajectories.visible(user, trajectoryId);
        consents.add(trajectoryId, trajectory.employeeId(), form.purpose(), form.given(), form.decidedOn(),
                form.textVersion().strip(), user.id(), clock.instant());
        access.created("consent", trajectoryId, trajectory.employeeId());
    }

    /**
     * Of these trajectories, those with research consent now (the latest decision is "given"). Ids only, no personal
     * data: the caller (the research export) has its own scope and logs the export.
     */
    @Transactional(readOnly = true)
    public Set<Long> consentedToResearch(Collection<Long> trajectoryIds) {
        return consents.given(trajectoryIds, ConsentPurpose.RESEARCH);
    }

    /** Of these trajectories, those whose employee agreed to share questionnaire answers with the employer. */
    @Transactional(readOnly = true)
    public Set<Long> sharedWithEmployer(Collection<Long> trajectoryIds) {
        return consents.given(trajectoryIds, ConsentPurpose.EMPLOYER_SHARING);
    }

    /** A trajectory's consent: the decisions that hold now and the whole history. */
    public record ConsentState(long trajectoryId, List<Consent> history) {

        public Consent current(ConsentPurpose purpose) {
            return history.stream().filter(c -> c.purpose() == purpose).findFirst().orElse(null);
        }

        public boolean research() {
            var c = current(ConsentPurpose.RESEARCH);
            return c != null && c.given();
        }

        public boolean employerSharing() {
            var c = current(ConsentPurpose.EMPLOYER_SHARING);
            return c != null && c.given();
        }

        public ConsentPurpose[] purposes() {
            return ConsentPurpose.values();
        }
    }
}
