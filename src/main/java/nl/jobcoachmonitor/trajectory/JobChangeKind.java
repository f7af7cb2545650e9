package nl.jobcoachmonitor.trajectory;

/** What changed in the job. The positive ones count as positive development (INSTRUMENTS.md). */
public enum JobChangeKind {
    MORE_HOURS(true), FEWER_HOURS(false), NEW_TASKS(true), FEWER_TASKS(false), OTHER_EMPLOYER(false),
    BETTER_CONTRACT(true), OTHER(false);

    private final boolean positive;

    JobChangeKind(boolean positive) {
        this.positive = positive;
    }

    public boolean isPositive() {
        return positive;
    }
}
