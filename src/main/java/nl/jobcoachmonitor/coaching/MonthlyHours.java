package nl.jobcoachmonitor.coaching;

import java.time.YearMonth;

/** Contact hours in one calendar month, split into employee, employer (and colleagues) and others. */
public record MonthlyHours(YearMonth month, double employee, double employer, double other) {

    public double total() {
        return employee + employer + other;
    }
}
