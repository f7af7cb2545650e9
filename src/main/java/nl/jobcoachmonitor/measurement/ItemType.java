package nl.jobcoachmonitor.measurement;

/** How an item is answered. */
public enum ItemType {
    /** yes / no. */
    YES_NO,
    /** one of the item's options. */
    CHOICE,
    /** 1–5 with a label for every point. */
    SCALE,
    /** a school grade 1–10. */
    GRADE,
    /** a number between the item's minimum and maximum (one decimal at most). */
    NUMBER,
    /** any of the item's options; the exclusive option (e.g. "none") stands alone. */
    MULTI;

    /** Whether the answer is one option chosen from a list (shown as large buttons). */
    public boolean single() {
        return this == YES_NO || this == CHOICE || this == SCALE || this == GRADE;
    }
}
