package nl.jobcoachmonitor.mail;

import java.util.Locale;

/** The language of a mail, chosen by the coach; the personal link in it opens its page in that language too. */
public enum MailLanguage {
    NL, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static MailLanguage of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
