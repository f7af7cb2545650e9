package nl.jobcoachmonitor.plan;

import java.util.List;

/**
 * Hours used against hours granted in the current grant periods of the organisation's running trajectories, per coach
 * and per commissioner, with how many trajectories are at 80% or more and at 100% or more of their grant.
 */
public record TeamGrants(List<Total> perCoach, List<Total> perCommissioner) {

    public record Total(String name, int trajectories, double hoursUsed, double hoursGranted, int atWarning,
            int atFull, int withoutRules) {

        public int percent() {
            return hoursGranted <= 0 ? 0 : (int) Math.floor(hoursUsed * 100 / hoursGranted + 1e-9);
        }
    }
}
