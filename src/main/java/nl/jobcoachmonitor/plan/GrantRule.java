package nl.jobcoachmonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rules of one commissioner's grant, set by the administrator: hours granted per period (periods counted from the
 * start of the trajectory), the maximum duration, how often a report is due, the report template and the norm for the
 * mean satisfaction grade.
 */
public record GrantRule(long commissionerId, BigDecimal hoursPerPeriod, int periodMonths, int maxDurationMonths,
        int reportEveryMonths, ReportTemplate template, BigDecimal satisfactionNorm) {

    /** The first day after the maximum duration of a trajectory started on {@code start}. */
    LocalDate durationEnd(LocalDate start) {
        return start.plusMonths(maxDurationMonths);
    }
}
