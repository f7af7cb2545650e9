package nl.jobcoachmonitor.coaching;

/** A goal of the coaching plan that one contact served (a row of {@code contact_goal}; the goal by id). */
record ContactGoal(Long goalId) {
}
