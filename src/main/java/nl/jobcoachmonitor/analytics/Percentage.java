package nl.jobcoachmonitor.analytics;

/**
 * A percentage as published (0–100): its value, or {@code null} when {@link SmallCellRule} does not allow it.
 *
 * <p>In Thymeleaf: {@code th:text="${pct.shown} ? ${#numbers.formatDecimal(pct.value, 1, 0)} + '%' : '–'"}.
 */
public record Percentage(Double value) {

    public static final Percentage SUPPRESSED = new Percentage(null);

    public boolean shown() {
        return value != null;
    }

    public boolean suppressed() {
        return value == null;
    }
}
