package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.coaching.Theme;

/**
 * A goal of the coaching plan in the employee's own words, with its themes, whom it was agreed with, the review date,
 * its status, the hours of the contacts linked to it and its review history (oldest first).
 */
public record Goal(long id, String description, Set<Theme> themes, boolean agreedWithEmployee,
        boolean agreedWithEmployer, LocalDate reviewOn, GoalStatus status, double hours, List<Review> reviews) {

    /** One review: when, the status it gave, the wording before it and the coach's remark. */
    public record Review(LocalDate reviewedOn, GoalStatus status, String previousDescription, String remark) {
    }
}
