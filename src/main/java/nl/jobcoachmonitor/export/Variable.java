package nl.jobcoachmonitor.export;

import java.util.List;

/**
 * One column of the export, as the codebook describes it: its name, its label in Dutch and English, its kind, its
 * value labels, the instrument (and version) it comes from, and whether the item missing codes apply.
 */
record Variable(String name, String labelNl, String labelEn, Kind kind, List<Value> values, String instrument,
        boolean itemMissingCodes) {

    /** Not asked at this wave (by the wave, or by routing on an earlier answer). */
    static final String NOT_ASKED = "97";
    /** Asked, but left unanswered. */
    static final String NOT_ANSWERED = "98";

    enum Kind {
        /** A pseudonym or a code without value labels. */
        TEXT,
        /** A number; value labels when it is a scale or a grade. */
        NUMERIC,
        /** A code from a fixed list (value labels). */
        CATEGORICAL
    }

    record Value(String code, String nl, String en) {
    }

    Variable withName(String name, String suffix) {
        return new Variable(name, labelNl + suffix, labelEn + suffix, kind, values, instrument, itemMissingCodes);
    }
}
