package nl.jobcoachmonitor.coaching;

import java.util.List;

/**
 * The contact part of the trajectory page: hours this month, hours per month by party, and the timeline (the most
 * recent contacts, or all of them; {@code totalContacts} says how many there are).
 */
public record ContactSection(long trajectoryId, double hoursThisMonth, List<MonthlyHours> months,
        List<ContactEntry> timeline, long totalContacts, List<GoalChoice> goalChoices) {

    /** How many contacts the timeline shows unless asked for all. */
    public static final int RECENT = 10;

    public boolean showsAll() {
        return timeline.size() >= totalContacts;
    }
}
