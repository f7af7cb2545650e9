package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * All versions of one commissioner's grant rules, oldest first. The version in force on a day is the latest one
 * effective on or before it; before the first version's date the first version applies (a commissioner's first rules
 * cover the trajectories that were already running).
 */
public record GrantRuleHistory(List<GrantRule> versions) {

    public GrantRuleHistory {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a history has at least one version");
        }
        versions = versions.stream().sorted(Comparator.comparing(GrantRule::effectiveFrom)).toList();
    }

    /** One version, in force from the beginning. */
    public static GrantRuleHistory of(GrantRule rule) {
        return new GrantRuleHistory(List.of(rule));
    }

    /** The version in force on {@code day}. */
    public GrantRule at(LocalDate day) {
        GrantRule result = versions.get(0);
        for (GrantRule version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                result = version;
            }
        }
        return result;
    }

    /** The newest version (the one the administrator edits). */
    public GrantRule latest() {
        return versions.get(versions.size() - 1);
    }
}
