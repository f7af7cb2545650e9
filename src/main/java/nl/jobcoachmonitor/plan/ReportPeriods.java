package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report moments of a trajectory under a commissioner's rules: every {@code reportEveryMonths} from the start,
 * the last one at the end of the maximum duration. A report covers the months since the previous moment.
 */
final class ReportPeriods {

    private ReportPeriods() {
    }

    /** A report period [from, to). */
    record Period(LocalDate from, LocalDate to) {

        LocalDate lastDay() {
            return to.minusDays(1);
        }
    }

    /** The periods that have begun by {@code today}, oldest first (the last may still be running). */
    static List<Period> begun(GrantRule rule, LocalDate start, LocalDate today) {
        return begun(GrantRuleHistory.of(rule), start, today);
    }

    /**
     * As {@link #begun(GrantRule, LocalDate, LocalDate)} under rules that change: each period's length and the maximum
     * duration come from the version in force on its first day, so a new version never moves an earlier period.
     */
    static List<Period> begun(GrantRuleHistory rules, LocalDate start, LocalDate today) {
        var result = new ArrayList<Period>();
        long months = 0;
        while (true) {
            LocalDate from = start.plusMonths(months);
            GrantRule rule = rules.at(from);
            LocalDate end = rule.durationEnd(start);
            if (from.isAfter(today) || !from.isBefore(end)) {
                break;
            }
            months += rule.reportEveryMonths();
            LocalDate to = start.plusMonths(months);
            result.add(new Period(from, to.isAfter(end) ? end : to));
        }
        return result;
    }

    /** The next report moment after {@code today}, within the maximum duration. */
    static Optional<LocalDate> next(GrantRule rule, LocalDate start, LocalDate today) {
        return next(GrantRuleHistory.of(rule), start, today);
    }

    /** The next report moment after {@code today} under rules that change. */
    static Optional<LocalDate> next(GrantRuleHistory rules, LocalDate start, LocalDate today) {
        return begun(rules, start, today).stream().map(Period::to).filter(to -> to.isAfter(today)).findFirst();
    }
}
