package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Months since the start of coaching on the job, the one way the application counts them (the intensity of coaching in
 * months 0–3 and 3–6, the contact hours per month in the study report): month n runs from the start day plus n months
 * up to the day before the start day plus n + 1 months ({@link LocalDate#plusMonths}, so a start on 31 January has
 * its month 1 from 28 or 29 February). Month 0 is the month from the start day, not the calendar month it falls in.
 */
public final class MonthsOfCoaching {

    private MonthsOfCoaching() {
    }

    /** The month since the start that a day falls in: 0 for the start day, negative before it. */
    public static int index(LocalDate start, LocalDate day) {
        long n = ChronoUnit.MONTHS.between(start, day);
        // MONTHS.between compares the days of the month; plusMonths cuts a 31st to the month's last day. The month
        // starts where plusMonths says, so step to the month whose first day is the last one not after the day.
        while (start.plusMonths(n + 1).compareTo(day) <= 0) {
            n++;
        }
        while (start.plusMonths(n).isAfter(day)) {
            n--;
        }
        return Math.toIntExact(n);
    }

    /** The first day of month n since the start. */
    public static LocalDate firstDay(LocalDate start, int month) {
        return start.plusMonths(month);
    }
}
