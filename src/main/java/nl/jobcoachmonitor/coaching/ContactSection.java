package nl.jobcoachmonitor.coaching;

import java.util.List;

/** The contact part of the trajectory page: hours this month, hours per month by party, and the timeline. */
public record ContactSection(long trajectoryId, double hoursThisMonth, List<MonthlyHours> months,
        List<ContactEntry> timeline) {
}
