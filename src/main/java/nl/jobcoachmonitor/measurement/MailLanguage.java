package nl.jobcoachmonitor.measurement;

import java.util.Locale;

/** The language of a questionnaire mail, chosen by the coach; the link opens the questionnaire in it too. */
public enum MailLanguage {
    NL, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    static MailLanguage of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
