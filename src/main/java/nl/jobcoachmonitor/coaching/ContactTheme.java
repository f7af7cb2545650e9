package nl.jobcoachmonitor.coaching;

/** A theme of one contact (a row of {@code contact_theme}). */
record ContactTheme(Theme theme) {
}
