package nl.jobcoachmonitor.measurement;

import java.util.Locale;

/** A text of an instrument in both languages of the application. */
public record Text(String nl, String en) {

    public String get(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : nl;
    }

    boolean complete() {
        return nl != null && !nl.isBlank() && en != null && !en.isBlank();
    }
}
