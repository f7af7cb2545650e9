package nl.jobcoachmonitor.plan;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The coach signs a report off and says how it goes to the commissioner: mailed ({@code MAIL}, to the address in the
 * commissioner's grant rules, with the PDF attached) or handed over ({@code HANDED_OVER}) on a date. {@code confirmed}
 * is the coach's confirmation that the report was checked: after sign-off it cannot change.
 */
public record SignOffForm(Boolean confirmed, String how,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handedOverOn) {

    public static final String MAIL = "MAIL";
    public static final String HANDED_OVER = "HANDED_OVER";

    public static SignOffForm empty() {
        return new SignOffForm(null, null, null);
    }
}
