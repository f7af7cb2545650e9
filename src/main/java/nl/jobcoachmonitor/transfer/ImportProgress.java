package nl.jobcoachmonitor.transfer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a dry run or an import is, read by the progress bar while a background thread writes it: the step, the
 * bytes of the files read so far, and the trajectories whose indicators have been brought up to date.
 */
final class ImportProgress {

    enum Step { WAITING, READING, CHECKING, STORING, INDICATORS, LOGGING, DONE, FAILED }

    private final long totalBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong recomputed = new AtomicLong();
    private volatile long toRecompute;
    private volatile Step step = Step.WAITING;

    ImportProgress(long totalBytes) {
        this.totalBytes = Math.max(1, totalBytes);
    }

    void step(Step step) {
        this.step = step;
    }

    public Step step() {
        return step;
    }

    void read(long bytes) {
        this.bytes.addAndGet(bytes);
    }

    void row() {
        rows.incrementAndGet();
    }

    public long rows() {
        return rows.get();
    }

    void toRecompute(long count) {
        this.toRecompute = count;
    }

    void recomputed() {
        recomputed.incrementAndGet();
    }

    /** 0–100: reading is the first 50, checking and storing up to 80, the indicators the rest. */
    public int percent() {
        return switch (step) {
            case WAITING -> 0;
            case READING -> (int) Math.min(50, 50 * bytes.get() / totalBytes);
            case CHECKING -> 55;
            case STORING -> 65;
            case INDICATORS -> 80 + (int) (toRecompute == 0 ? 0 : 15 * recomputed.get() / toRecompute);
            case LOGGING -> 97;
            case DONE, FAILED -> 100;
        };
    }

    public boolean finished() {
        return step == Step.DONE || step == Step.FAILED;
    }
}
