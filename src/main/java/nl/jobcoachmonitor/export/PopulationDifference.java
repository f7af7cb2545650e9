package nl.jobcoachmonitor.export;

import java.util.HashSet;
import java.util.Set;

/**
 * Disclosure control across queries: two projects of one researcher whose populations differ by only a few
 * trajectories would, compared row by row (pseudonyms differ between projects, the values do not), single out those
 * few persons. So the symmetric difference of the two populations (the trajectory ids that meet one project's
 * definition and not the other's, consent left aside) must be 0 or at least {@value #MINIMUM}.
 * <p>
 * The same population (difference 0) is allowed: it is the same persons, pseudonymised differently, and comparing the
 * two files singles out nobody. Populations without any trajectory in common are not compared either: each file
 * then holds persons the other does not, and comparing them tells nothing that each does not tell alone.
 */
final class PopulationDifference {

    static final int MINIMUM = 10;

    private PopulationDifference() {
    }

    /** Whether these two populations are too close: they share a trajectory and differ by 1 to 9. */
    static boolean tooSmall(Set<Long> one, Set<Long> other) {
        Set<Long> only = new HashSet<>(one);
        only.removeAll(other);
        Set<Long> onlyOther = new HashSet<>(other);
        onlyOther.removeAll(one);
        int difference = only.size() + onlyOther.size();
        boolean overlap = one.size() > only.size();
        return overlap && difference > 0 && difference < MINIMUM;
    }
}
