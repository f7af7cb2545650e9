package nl.jobcoachmonitor.measurement;

import java.util.List;
import java.util.Map;

/** What a respondent sees on one screen. */
public record Section(String code, Text title, List<Item> items) {

    /** The items asked at this wave (conditional ones included: the page shows or hides them as answers change). */
    public List<Item> itemsAt(String wave) {
        return items.stream().filter(i -> wave == null || !i.notAt().contains(wave)).toList();
    }

    /** Whether every item asked at this wave, given the answers, has an answer. */
    public boolean answeredIn(String wave, Map<String, ?> answers) {
        return items.stream().filter(i -> i.askedAt(wave, answers)).allMatch(i -> answers.containsKey(i.code()));
    }
}
