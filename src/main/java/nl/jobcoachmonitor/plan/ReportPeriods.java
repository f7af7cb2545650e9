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
        var result = new ArrayList<Period>();
        LocalDate end = rule.durationEnd(start);
        for (long k = 0; ; k++) {
            LocalDate from = start.plusMonths(k * rule.reportEveryMonths());
            if (from.isAfter(today) || !from.isBefore(end)) {
                break;
            }
            LocalDate to = start.plusMonths((k + 1) * rule.reportEveryMonths());
            result.add(new Period(from, to.isAfter(end) ? end : to));
        }
        return result;
    }

    /** The next report moment after {@code today}, within the maximum duration. */
    static Optional<LocalDate> next(GrantRule rule, LocalDate start, LocalDate today) {
        return begun(rule, start, today).stream().map(Period::to).filter(to -> to.isAfter(today)).findFirst();
    }
}
