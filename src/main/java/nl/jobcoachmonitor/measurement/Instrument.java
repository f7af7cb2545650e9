package nl.jobcoachmonitor.measurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned questionnaire definition (employee, coach, employer), loaded from
 * {@code measurement/instruments/<code>-v<version>.yaml}. Every response stores the code and version it answered, so
 * a new version never changes an old answer's meaning.
 */
public record Instrument(String code, int version, Text title, List<Section> sections) {

    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public Optional<Item> item(String itemCode) {
        return items().stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    public Optional<Section> section(String sectionCode) {
        return sections.stream().filter(s -> s.code().equals(sectionCode)).findFirst();
    }

    /** The sections with at least one item asked at this wave. */
    public List<Section> sectionsAt(String wave) {
        return sections.stream().filter(s -> !s.itemsAt(wave).isEmpty()).toList();
    }

    /**
     * Checks a complete answer set. Answers to items that are not asked (condition false, or not at this wave) are
     * ignored: they are left out of the cleaned answers and are no error, so a respondent who changes "told my
     * supervisor" from yes to no is not blocked by the grade typed before.
     */
    public Validation validate(String wave, Map<String, ?> answers) {
        return check(wave, answers, items(), Map.of());
    }

    /**
     * Checks the answers of one section; conditions may refer to earlier answers. Only the section's items are
     * checked and returned.
     */
    public Validation validateSection(String sectionCode, String wave, Map<String, ?> sectionAnswers,
            Map<String, ?> earlier) {
        var section = section(sectionCode).orElseThrow(() -> new IllegalArgumentException(sectionCode));
        return check(wave, sectionAnswers, section.items(), earlier);
    }

    private Validation check(String wave, Map<String, ?> raw, List<Item> scope, Map<String, ?> earlier) {
        var errors = new ArrayList<AnswerError>();
        for (String key : raw.keySet()) {
            if (scope.stream().noneMatch(i -> i.code().equals(key))) {
                errors.add(new AnswerError(key, AnswerError.UNKNOWN));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Item item : scope) {
            Object value = raw.get(item.code());
            if (blank(value)) {
                continue;
            }
            parse(item, value).ifPresentOrElse(v -> typed.put(item.code(), v),
                    () -> errors.add(new AnswerError(item.code(), errorFor(item, value))));
        }
        Map<String, Object> context = new LinkedHashMap<>(earlier);
        context.putAll(typed);
        Map<String, Object> cleaned = new LinkedHashMap<>();
        for (Item item : scope) {
            if (!item.askedAt(wave, context)) {
                errors.removeIf(e -> e.item().equals(item.code()));
                continue;
            }
            if (typed.containsKey(item.code())) {
                cleaned.put(item.code(), typed.get(item.code()));
            } else if (errors.stream().noneMatch(e -> e.item().equals(item.code()))) {
                errors.add(new AnswerError(item.code(), AnswerError.REQUIRED));
            }
        }
        return new Validation(cleaned, List.copyOf(errors));
    }

    private static boolean blank(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.stream().allMatch(Instrument::blank));
    }

    private static String errorFor(Item item, Object value) {
        if (item.type() == ItemType.NUMBER) {
            return number(value).isPresent() ? AnswerError.RANGE : AnswerError.NUMBER;
        }
        if (item.type() == ItemType.MULTI && value instanceof Collection<?> c
                && c.stream().allMatch(v -> item.hasOption(String.valueOf(v)))) {
            return AnswerError.EXCLUSIVE;
        }
        return AnswerError.OPTION;
    }

    /** The typed answer (String, Integer, BigDecimal or List of String), or empty when the value is not allowed. */
    private static Optional<Object> parse(Item item, Object value) {
        return switch (item.type()) {
            case YES_NO, CHOICE -> single(value).filter(item::hasOption).map(v -> v);
            case SCALE, GRADE -> single(value).filter(item::hasOption).map(Integer::valueOf);
            case NUMBER -> single(value).flatMap(Instrument::number)
                    .filter(n -> n.compareTo(item.min()) >= 0 && n.compareTo(item.max()) <= 0)
                    .map(n -> n);
            case MULTI -> multi(item, value);
        };
    }

    private static Optional<String> single(Object value) {
        if (value instanceof Collection<?> c) {
            return c.size() == 1 ? Optional.of(String.valueOf(c.iterator().next()).trim()) : Optional.empty();
        }
        return Optional.of(String.valueOf(value).trim());
    }

    private static Optional<BigDecimal> number(Object value) {
        var text = single(value).orElse("").replace(',', '.');
        if (!text.matches("\\d{1,3}(\\.\\d)?(0*)")) {
            return Optional.empty();
        }
        var n = new BigDecimal(text).stripTrailingZeros();
        return Optional.of(n.scale() < 0 ? n.setScale(0) : n);
    }

    private static Optional<Object> multi(Item item, Object value) {
        Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
        var chosen = values.stream().map(v -> String.valueOf(v).trim()).filter(v -> !v.isEmpty()).distinct().toList();
        if (!chosen.stream().allMatch(item::hasOption)) {
            return Optional.empty();
        }
        if (item.exclusive() != null && chosen.contains(item.exclusive()) && chosen.size() > 1) {
            return Optional.empty();
        }
        return Optional.of(item.options().stream().map(Option::value).filter(chosen::contains).toList());
    }

    /** The outcome of a check: the typed answers of the items asked, and the refused ones. */
    public record Validation(Map<String, Object> answers, List<AnswerError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }

        public Optional<String> errorAt(String item) {
            return errors.stream().filter(e -> e.item().equals(item)).map(AnswerError::messageKey).findFirst();
        }
    }
}
