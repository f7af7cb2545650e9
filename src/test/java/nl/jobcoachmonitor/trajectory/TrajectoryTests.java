package nl.jobcoachmonitor.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.junit.jupiter.api.Test;

class TrajectoryTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final long COACH = 7, OTHER_COACH = 8, MANAGER = 9;
    static final Job JOB = new Job("Medewerker logistiek", new BigDecimal("24"), ContractType.TEMPORARY,
            TODAY.minusMonths(3));

    static Trajectory aTrajectoryOnTheJob() {
        return Trajectory.start(1, 2, COACH, 3, 4L, JOB, TrajectoryPhase.COACHING, TODAY.minusMonths(3), TODAY, COACH);
    }

    static Trajectory aTrajectoryInJobSearch() {
        return Trajectory.start(1, 2, COACH, 3, null, null, TrajectoryPhase.JOB_SEARCH, TODAY.minusMonths(2), TODAY,
                COACH);
    }

    private static String ruleOf(Runnable change) {
        try {
            change.run();
        } catch (DomainRuleViolation e) {
            return e.field() + ":" + e.messageKey();
        }
        throw new AssertionError("expected a rule violation");
    }

    @Test
    void startsInCoachingWithItsJobAndRemembersItsFirstPhaseAndCoach() {
        var t = aTrajectoryOnTheJob();
        assertThat(t.getPhase()).isEqualTo(TrajectoryPhase.COACHING);
        assertThat(t.getJob()).isEqualTo(JOB);
        assertThat(t.getPhaseChanges()).singleElement()
                .satisfies(p -> assertThat(p.toPhase()).isEqualTo(TrajectoryPhase.COACHING));
        assertThat(t.getCoachAssignments()).singleElement()
                .satisfies(a -> assertThat(a.coachId()).isEqualTo(COACH));
    }

    @Test
    void coachingOnTheJobNeedsAnEmployerAndAJob() {
        assertThat(ruleOf(() -> Trajectory.start(1, 2, COACH, 3, null, JOB, TrajectoryPhase.COACHING, TODAY, TODAY,
                COACH))).isEqualTo("employerId:trajectory.employer.required");
        assertThat(ruleOf(() -> Trajectory.start(1, 2, COACH, 3, 4L, null, TrajectoryPhase.COACHING, TODAY, TODAY,
                COACH))).isEqualTo("jobTitle:trajectory.job.required");
    }

    @Test
    void cannotStartInTheFutureOrInALaterPhase() {
        assertThat(ruleOf(() -> Trajectory.start(1, 2, COACH, 3, 4L, JOB, TrajectoryPhase.COACHING,
                TODAY.plusDays(1), TODAY, COACH))).isEqualTo("startedOn:validation.date.future");
        assertThat(ruleOf(() -> Trajectory.start(1, 2, COACH, 3, 4L, JOB, TrajectoryPhase.PHASE_OUT, TODAY, TODAY,
                COACH))).isEqualTo("phase:trajectory.phase.startNotAllowed");
    }

    @Test
    void movesThroughTheLifecycleAndCanBeReopenedAsContinuedSupport() {
        var t = aTrajectoryOnTheJob();
        t.moveTo(TrajectoryPhase.PHASE_OUT, TODAY.minusMonths(1), null, null, null, TODAY, COACH);
        t.moveTo(TrajectoryPhase.CLOSED, TODAY.minusDays(10), ClosingReason.JOB_KEPT_COACHING_NO_LONGER_NEEDED, null,
                null, TODAY, COACH);
        assertThat(t.getClosedOn()).isEqualTo(TODAY.minusDays(10));
        t.moveTo(TrajectoryPhase.CONTINUED_SUPPORT, TODAY, null, null, null, TODAY, COACH);
        assertThat(t.getPhase()).isEqualTo(TrajectoryPhase.CONTINUED_SUPPORT);
        assertThat(t.getClosedOn()).isNull();
        assertThat(t.getClosingReason()).isNull();
        assertThat(t.getPhaseChanges()).extracting(PhaseChange::toPhase).containsExactly(TrajectoryPhase.COACHING,
                TrajectoryPhase.PHASE_OUT, TrajectoryPhase.CLOSED, TrajectoryPhase.CONTINUED_SUPPORT);
    }

    @Test
    void refusesAForbiddenJumpAndKeepsItsPhase() {
        var t = aTrajectoryInJobSearch();
        assertThat(ruleOf(() -> t.moveTo(TrajectoryPhase.PHASE_OUT, TODAY, null, null, null, TODAY, COACH)))
                .isEqualTo("phase:trajectory.phase.jumpNotAllowed");
        assertThat(t.getPhase()).isEqualTo(TrajectoryPhase.JOB_SEARCH);
        assertThat(t.getPhaseChanges()).hasSize(1);
    }

    @Test
    void closingNeedsAReasonAndOnlyClosingTakesOne() {
        var t = aTrajectoryOnTheJob();
        assertThat(ruleOf(() -> t.moveTo(TrajectoryPhase.CLOSED, TODAY, null, null, null, TODAY, COACH)))
                .isEqualTo("closingReason:trajectory.closingReason.required");
        assertThat(ruleOf(() -> t.moveTo(TrajectoryPhase.PHASE_OUT, TODAY, ClosingReason.JOB_LOST, null, null, TODAY,
                COACH))).isEqualTo("closingReason:trajectory.closingReason.onlyWhenClosing");
    }

    @Test
    void aPhaseChangeCannotPrecedeThePreviousOneOrLieInTheFuture() {
        var t = aTrajectoryOnTheJob();
        assertThat(ruleOf(() -> t.moveTo(TrajectoryPhase.PHASE_OUT, TODAY.minusMonths(4), null, null, null, TODAY,
                COACH))).isEqualTo("changedOn:trajectory.phase.beforeLastChange");
        assertThat(ruleOf(() -> t.moveTo(TrajectoryPhase.PHASE_OUT, TODAY.plusDays(1), null, null, null, TODAY,
                COACH))).isEqualTo("changedOn:validation.date.future");
    }

    @Test
    void findingAJobEndsTheJobSearchOnlyWithTheJob() {
        var t = aTrajectoryInJobSearch();
        assertThat(ruleOf(() -> t.moveTo(TrajectoryPhase.COACHING, TODAY, null, 4L, null, TODAY, COACH)))
                .isEqualTo("jobTitle:trajectory.job.required");
        t.moveTo(TrajectoryPhase.COACHING, TODAY, null, 4L, JOB, TODAY, COACH);
        assertThat(t.getEmployerId()).isEqualTo(4L);
        assertThat(t.getJob()).isEqualTo(JOB);
    }

    @Test
    void moreHoursAreKeptWithTheirDateAndCountAsPositiveDevelopment() {
        var t = aTrajectoryOnTheJob();
        assertThat(t.hasPositiveDevelopment()).isFalse();
        t.recordJobChange(new JobChange(TODAY.minusDays(5), JobChangeKind.MORE_HOURS, null, new BigDecimal("28"),
                null, null, "Van 24 naar 28 uur", COACH), TODAY);
        assertThat(t.getJob().contractHours()).isEqualByComparingTo("28");
        assertThat(t.getJob().title()).isEqualTo(JOB.title());
        assertThat(t.getJobChanges()).singleElement()
                .satisfies(c -> assertThat(c.changedOn()).isEqualTo(TODAY.minusDays(5)));
        assertThat(t.hasPositiveDevelopment()).isTrue();
    }

    @Test
    void moreHoursMustBeMoreAndAnotherEmployerMustBeNamed() {
        var t = aTrajectoryOnTheJob();
        assertThat(ruleOf(() -> t.recordJobChange(new JobChange(TODAY, JobChangeKind.MORE_HOURS, null,
                new BigDecimal("20"), null, null, null, COACH), TODAY)))
                .isEqualTo("contractHours:trajectory.jobChange.hoursNotMore");
        assertThat(ruleOf(() -> t.recordJobChange(new JobChange(TODAY, JobChangeKind.OTHER_EMPLOYER, null, null,
                null, null, null, COACH), TODAY))).isEqualTo("employerId:trajectory.employer.required");
        assertThat(ruleOf(() -> t.recordJobChange(new JobChange(TODAY.minusYears(1), JobChangeKind.NEW_TASKS, null,
                null, null, null, null, COACH), TODAY))).isEqualTo("changedOn:trajectory.date.beforeStart");
        assertThat(t.getJobChanges()).isEmpty();
        assertThat(t.getJob()).isEqualTo(JOB);
    }

    @Test
    void aJobSearchHasNoJobToChange() {
        var t = aTrajectoryInJobSearch();
        assertThat(ruleOf(() -> t.recordJobChange(new JobChange(TODAY, JobChangeKind.NEW_TASKS, null, null, null,
                null, null, COACH), TODAY))).isEqualTo("kind:trajectory.jobChange.noJob");
    }

    @Test
    void reassignmentKeepsTheHistoryOfCoaches() {
        var t = aTrajectoryOnTheJob();
        t.reassignTo(OTHER_COACH, TODAY, MANAGER, "Verlof");
        assertThat(t.getCoachId()).isEqualTo(OTHER_COACH);
        assertThat(t.getCoachAssignments()).extracting(CoachAssignment::coachId).containsExactly(COACH, OTHER_COACH);
        assertThatThrownBy(() -> t.reassignTo(OTHER_COACH, TODAY, MANAGER, "Verlof")).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void everyPhaseCanBeLeftAndClosedIsOnlyLeftForContinuedSupport() {
        for (TrajectoryPhase phase : TrajectoryPhase.values()) {
            assertThat(phase.next()).isNotEmpty().doesNotContain(phase);
        }
        assertThat(TrajectoryPhase.CLOSED.next()).containsExactly(TrajectoryPhase.CONTINUED_SUPPORT);
    }
}
