package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Hours used against hours granted in one grant period [{@code from}, {@code to}). Hours beyond the grant are allowed
 * and flagged ({@link Level#OVER}), never dropped. After the maximum duration nothing is granted any more.
 */
public record GrantUse(LocalDate from, LocalDate to, double hoursGranted, double hoursUsed, boolean beyondDuration) {

    /** The coach is warned at 80% and at 100%. */
    public enum Level { OK, WARNING, FULL, OVER }

    static final double WARNING_SHARE = 0.8;

    public Level level() {
        if (hoursGranted <= 0) {
            return hoursUsed > 0 ? Level.OVER : Level.OK;
        }
        if (hoursUsed > hoursGranted + 1e-9) {
            return Level.OVER;
        }
        if (hoursUsed >= hoursGranted - 1e-9) {
            return Level.FULL;
        }
        return hoursUsed >= WARNING_SHARE * hoursGranted - 1e-9 ? Level.WARNING : Level.OK;
    }

    /** Whole per cent of the grant used (0 when nothing is granted). */
    public int percent() {
        return hoursGranted <= 0 ? 0 : (int) Math.floor(hoursUsed * 100 / hoursGranted + 1e-9);
    }

    public double hoursOver() {
        return Math.max(0, round(hoursUsed - hoursGranted));
    }

    public double hoursLeft() {
        return Math.max(0, round(hoursGranted - hoursUsed));
    }

    /** The last day of the period (inclusive), for display. */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    /** One logged contact: the date and the minutes. */
    public record Minutes(LocalDate on, int minutes) {
    }

    /**
     * The grant period of a trajectory started on {@code start} that contains {@code day}, with the hours of the
     * contacts that fall in it. Periods are {@code periodMonths} calendar months counted from the start (each boundary
     * computed from the start, so month lengths do not drift); the period that reaches past the maximum duration ends
     * there; periods after it grant nothing.
     */
    public static GrantUse of(GrantRule rule, LocalDate start, LocalDate day, List<Minutes> contacts) {
        return of(GrantRuleHistory.of(rule), start, day, contacts);
    }

    /**
     * As {@link #of(GrantRule, LocalDate, LocalDate, List)} under rules that change: each period runs under the version
     * in force on its first day (its length, hours and the maximum duration), so a new version from a date never
     * changes a period that began before it.
     */
    public static GrantUse of(GrantRuleHistory rules, LocalDate start, LocalDate day, List<Minutes> contacts) {
        GrantRule rule = rules.at(start);
        long months = 0;
        LocalDate from = start;
        LocalDate to = start.plusMonths(rule.periodMonths());
        while (!day.isBefore(to)) {
            months += rule.periodMonths();
            from = to;
            rule = rules.at(from);
            to = start.plusMonths(months + rule.periodMonths());
        }
        LocalDate end = rule.durationEnd(start);
        boolean beyond = !day.isBefore(end);
        if (beyond && from.isBefore(end)) {
            from = end;
        } else if (!beyond && to.isAfter(end)) {
            to = end;
        }
        double granted = beyond ? 0 : rule.hoursPerPeriod().doubleValue();
        LocalDate f = from;
        LocalDate t = to;
        long minutes = contacts.stream().filter(c -> !c.on().isBefore(f) && c.on().isBefore(t))
                .mapToLong(Minutes::minutes).sum();
        return new GrantUse(from, to, granted, round(minutes / 60.0), beyond);
    }

    static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
