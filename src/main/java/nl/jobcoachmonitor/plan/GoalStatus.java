package nl.jobcoachmonitor.plan;

/** Where a goal stands after its last review. Open, partly achieved and changed goals are still worked on. */
public enum GoalStatus {
    OPEN, ACHIEVED, PARTLY, NOT_ACHIEVED, CHANGED;

    public boolean active() {
        return this == OPEN || this == PARTLY || this == CHANGED;
    }
}
