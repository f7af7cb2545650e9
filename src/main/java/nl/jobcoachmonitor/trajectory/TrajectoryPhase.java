package nl.jobcoachmonitor.trajectory;

import java.util.EnumSet;
import java.util.Set;

/**
 * The phases of a trajectory and the jumps allowed between them. A closed trajectory can be reopened as continued
 * support: employees must be able to call on support again when problems arise (recommendation 5).
 */
public enum TrajectoryPhase {
    JOB_SEARCH, COACHING, PHASE_OUT, CONTINUED_SUPPORT, CLOSED;

    public Set<TrajectoryPhase> next() {
        return switch (this) {
            case JOB_SEARCH -> EnumSet.of(COACHING, CLOSED);
            case COACHING -> EnumSet.of(PHASE_OUT, CLOSED);
            case PHASE_OUT -> EnumSet.of(COACHING, CONTINUED_SUPPORT, CLOSED);
            case CONTINUED_SUPPORT -> EnumSet.of(COACHING, CLOSED);
            case CLOSED -> EnumSet.of(CONTINUED_SUPPORT);
        };
    }

    public boolean canMoveTo(TrajectoryPhase target) {
        return next().contains(target);
    }

    /** Phases in which the employee is coached on the job. */
    public boolean isOnTheJob() {
        return this == COACHING || this == PHASE_OUT || this == CONTINUED_SUPPORT;
    }
}
