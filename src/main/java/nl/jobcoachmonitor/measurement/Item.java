package nl.jobcoachmonitor.measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question. Its code is stable: the column in the research export. {@code notAt} names the waves it is not asked
 * at (e.g. "same employer as last time" not at T0); {@code condition} makes it depend on another answer.
 */
public record Item(String code, ItemType type, Text text, Text hint, List<Option> options, BigDecimal min,
        BigDecimal max, Condition condition, Set<String> notAt, String exclusive) {

    /** Whether the item is asked at this wave given the answers so far. */
    public boolean askedAt(String wave, Map<String, ?> answers) {
        return (wave == null || !notAt.contains(wave)) && (condition == null || condition.holds(answers));
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }
}
