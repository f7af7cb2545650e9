package nl.jobcoachmonitor.shared;

import java.util.Locale;

/** SQL {@code like} patterns from what a person typed: their wildcards are text, with {@code \} as the escape. */
public final class Like {

    private Like() {
    }

    /** "Contains this text", lower case (compare with {@code lower(column) like :p escape '\'}). */
    public static String containing(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
