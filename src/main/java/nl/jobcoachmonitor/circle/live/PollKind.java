package nl.jobcoachmonitor.circle.live;

/** The interactive parts of a live session, with how many options a participant picks. */
public enum PollKind {
    /** Pick the three most important of the circle's competency list. */
    COMPETENCIES(3),
    /** Guess which work value matters most to the people you coach; afterwards compared with their own answers. */
    WORK_VALUE(1);

    private final int picks;

    PollKind(int picks) {
        this.picks = picks;
    }

    public int picks() {
        return picks;
    }
}
