package nl.jobcoachmonitor.transfer;

import java.util.List;
import java.util.Set;

/**
 * What a dry run found or an import did: the counts per kind, the problems (at most {@link Importer#MAX_PROBLEMS} of
 * them, {@code problemCount} in all), whether anything was stored, and the trajectories and persons it touched.
 */
record ImportOutcome(boolean stored, List<ImportCount> counts, List<ImportProblem> problems, long problemCount,
        Set<Long> trajectoryIds, Set<Long> createdPersons, Set<Long> changedPersons) {

    public boolean valid() {
        return problemCount == 0;
    }

    public long rows() {
        return counts.stream().mapToLong(ImportCount::total).sum();
    }
}
