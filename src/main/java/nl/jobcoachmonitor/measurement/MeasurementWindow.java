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

    /** The first day a questionnaire of this wave can be answered (a link made). */
    public LocalDate firstDay() {
        return dueOn.minusDays(LINK_BEFORE_DAYS);
    }

    /**
     * The rule for a questionnaire answered on paper and entered afterwards: the day it was answered is not in the
     * future, not before the trajectory started, and within this wave's window (from {@link #firstDay()} to
     * {@link #lastDay()}: the days on which a link would have taken the answers, so the answers describe the moment
     * the wave measures). The message key of the first rule broken, or null.
     */
    public String afterwardsRuleBroken(LocalDate answeredOn, LocalDate today, LocalDate trajectoryStart) {
        if (answeredOn == null) {
            return "measurement.afterwards.date.required";
        }
        if (answeredOn.isAfter(today)) {
            return "measurement.afterwards.date.future";
        }
        if (trajectoryStart != null && answeredOn.isBefore(trajectoryStart)) {
            return "measurement.afterwards.date.beforeStart";
        }
        if (answeredOn.isBefore(firstDay()) || answeredOn.isAfter(lastDay())) {
            return "measurement.afterwards.date.outsideWindow";
        }
        return null;
    }

    /** Whether a questionnaire of this wave can be answered (or a link made) today. */
    public boolean answerableOn(LocalDate today) {
        return !today.isBefore(dueOn.minusDays(LINK_BEFORE_DAYS)) && today.isBefore(closesOn());
    }
}
