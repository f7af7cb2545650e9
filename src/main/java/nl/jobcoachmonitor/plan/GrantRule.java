package nl.jobcoachmonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One version of a commissioner's grant rules, set by the administrator and in force from {@code effectiveFrom}: hours
 * granted per period (periods counted from the start of the trajectory), the maximum duration, how often a report is
 * due, the report template, the norm for the mean satisfaction grade and the address signed reports are mailed to
 * (may be null). A change is a new version from a date; earlier periods keep the version they began under.
 */
public record GrantRule(long commissionerId, BigDecimal hoursPerPeriod, int periodMonths, int maxDurationMonths,
        int reportEveryMonths, ReportTemplate template, BigDecimal satisfactionNorm, LocalDate effectiveFrom,
        String reportEmail) {

    /** The date of the rules that were there before versions: in force from the beginning. */
    public static final LocalDate FROM_THE_BEGINNING = LocalDate.of(1900, 1, 1);

    /** Rules in force from the beginning, without a report address. */
    public GrantRule(long commissionerId, BigDecimal hoursPerPeriod, int periodMonths, int maxDurationMonths,
            int reportEveryMonths, ReportTemplate template, BigDecimal satisfactionNorm) {
        this(commissionerId, hoursPerPeriod, periodMonths, maxDurationMonths, reportEveryMonths, template,
                satisfactionNorm, FROM_THE_BEGINNING, null);
    }

    /** The first day after the maximum duration of a trajectory started on {@code start}. */
    LocalDate durationEnd(LocalDate start) {
        return start.plusMonths(maxDurationMonths);
    }
}
