package nl.jobcoachmonitor.measurement;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The two scorings of the work values (INSTRUMENTS.md). Capability: important, offered and achieved all at least 4;
 * the capability set counts them (0–7). Discrepancy: importance minus achievement (−4…4); a gap is a value that is
 * important (≥ 4) but not achieved (≤ 3). A value with any of its three answers missing is no capability, has no
 * discrepancy and no gap.
 */
public record WorkValueScores(Set<WorkValue> capabilities, Map<WorkValue, Integer> discrepancies, Set<WorkValue> gaps) {

    static final int HIGH = 4;

    public int capabilitySet() {
        return capabilities.size();
    }

    public static WorkValueScores of(Map<String, ?> answers) {
        Set<WorkValue> capabilities = EnumSet.noneOf(WorkValue.class);
        Map<WorkValue, Integer> discrepancies = new EnumMap<>(WorkValue.class);
        Set<WorkValue> gaps = EnumSet.noneOf(WorkValue.class);
        for (WorkValue value : WorkValue.values()) {
            Integer important = score(answers.get(value.important()));
            Integer offered = score(answers.get(value.offered()));
            Integer achieved = score(answers.get(value.achieved()));
            if (important == null || offered == null || achieved == null) {
                continue;
            }
            if (important >= HIGH && offered >= HIGH && achieved >= HIGH) {
                capabilities.add(value);
            }
            discrepancies.put(value, important - achieved);
            if (important >= HIGH && achieved < HIGH) {
                gaps.add(value);
            }
        }
        return new WorkValueScores(Set.copyOf(capabilities), Map.copyOf(discrepancies), Set.copyOf(gaps));
    }

    private static Integer score(Object answer) {
        if (answer instanceof Number n) {
            return n.intValue();
        }
        if (answer instanceof String s && s.matches("[1-5]")) {
            return Integer.valueOf(s);
        }
        return null;
    }
}
