package nl.jobcoachmonitor.analytics;

/**
 * A count as published: its value, or {@code null} when {@link SmallCellRule} suppressed it. A suppressed cell does
 * not carry its real value, so no template can show it by mistake; nor does it say why it was suppressed, since
 * "too small" versus "suppressed to protect another cell" would itself tell the reader something.
 *
 * <p>In Thymeleaf: {@code th:text="${cell.shown} ? ${cell.value} : '–'"}.
 */
public record Cell(Integer value) {

    public static final Cell SUPPRESSED = new Cell(null);

    public static Cell of(int value) {
        return new Cell(value);
    }

    public boolean shown() {
        return value != null;
    }

    public boolean suppressed() {
        return value == null;
    }
}
