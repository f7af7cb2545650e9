package nl.jobcoachmonitor.coaching;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

public record LogContactForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate contactOn,
        @NotNull @Min(1) @Max(Contact.MAX_MINUTES) Integer minutes,
        @NotNull Party party,
        @NotNull ContactMode mode,
        Set<Theme> themes,
        @Size(max = 500) String note,
        @Size(max = 200) String reason,
        Set<Long> goals) {

    /** A contact without a reason for the hours and without goals (as logged before the coaching plan existed). */
    public LogContactForm(LocalDate contactOn, Integer minutes, Party party, ContactMode mode, Set<Theme> themes,
            String note) {
        this(contactOn, minutes, party, mode, themes, note, null, Set.of());
    }

    public static LogContactForm empty(LocalDate today) {
        return new LogContactForm(today, 60, Party.EMPLOYEE, ContactMode.WORKPLACE_VISIT, Set.of(), "", "", Set.of());
    }
}
