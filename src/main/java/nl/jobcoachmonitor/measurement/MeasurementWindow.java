package nl.jobcoachmonitor.measurement;

import java.time.LocalDate;

/**
 * The window of a wave: opens on its due date, a reminder after 7 days, overdue after 14, closed after 42 (six weeks;
 * later answers would no longer describe the moment the wave measures). A link can be made up to 14 days before the
 * due date (the T0 of a trajectory is due "within 2 weeks" of its start).
 */
public record MeasurementWindow(LocalDate dueOn) {

    static final int REMINDER_AFTER_DAYS = 7;
    static final int OVERDUE_AFTER_DAYS = 14;
    static final int CLOSES_AFTER_DAYS = 42;
    static final int LINK_BEFORE_DAYS = 14;

    public LocalDate closesOn() {
        return dueOn.plusDays(CLOSES_AFTER_DAYS);
    }

    /** The last day a questionnaire of this wave can be answered. */
    public LocalDate lastDay() {
        return closesOn().minusDays(1);
    }

    public WaveState stateOn(LocalDate today) {
        if (today.isBefore(dueOn)) {
            return WaveState.PLANNED;
        }
        if (today.isBefore(dueOn.plusDays(REMINDER_AFTER_DAYS))) {
            return WaveState.OPEN;
        }
        if (today.isBefore(dueOn.plusDays(OVERDUE_AFTER_DAYS))) {
            return WaveState.REMINDER;
        }
        return today.isBefore(closesOn()) ? WaveState.OVERDUE : WaveState.CLOSED;
    }

    /** Whether a questionnaire of this wave can be answered (or a link made) today. */
    public boolean answerableOn(LocalDate today) {
        return !today.isBefore(dueOn.minusDays(LINK_BEFORE_DAYS)) && today.isBefore(closesOn());
    }
}
