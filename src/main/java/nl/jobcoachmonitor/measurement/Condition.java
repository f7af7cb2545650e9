package nl.jobcoachmonitor.measurement;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** An item is asked only when another item's answer (or, for a multi-choice, one of its answers) is one of these. */
public record Condition(String item, Set<String> anyOf) {

    boolean holds(Map<String, ?> answers) {
        Object answer = answers.get(item);
        if (answer instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).anyMatch(anyOf::contains);
        }
        return answer != null && anyOf.contains(String.valueOf(answer));
    }
}
