package nl.jobcoachmonitor.trajectory;

/** Why a trajectory was closed. */
public enum ClosingReason {
    JOB_KEPT_COACHING_NO_LONGER_NEEDED, JOB_LOST, OTHER_WORK, WITHDRAWN, OTHER
}
