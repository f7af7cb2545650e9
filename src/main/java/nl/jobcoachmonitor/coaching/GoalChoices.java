package nl.jobcoachmonitor.coaching;

import java.util.List;

/**
 * The goals a contact of a trajectory can be linked to. The module that keeps the coaching plan provides it; the
 * coaching module only knows goals by id, so it does not depend on that module.
 */
public interface GoalChoices {

    /** The trajectory's goals that are still worked on; the caller has scoped the trajectory already. */
    List<GoalChoice> of(long trajectoryId);
}
