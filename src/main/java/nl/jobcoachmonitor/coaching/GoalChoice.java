package nl.jobcoachmonitor.coaching;

/** A goal of the trajectory's coaching plan that a contact can be linked to. */
public record GoalChoice(long id, String description) {
}
