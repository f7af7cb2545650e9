package nl.jobcoachmonitor.coaching;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A correction of a contact: everything it was logged with, and the version of the contact the coach saw. */
public record EditContactForm(
        @NotNull Integer version,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate contactOn,
        @NotNull @Min(1) @Max(Contact.MAX_MINUTES) Integer minutes,
        @NotNull Party party,
        @NotNull ContactMode mode,
        Set<Theme> themes,
        @Size(max = 500) String note,
        @Size(max = 200) String reason,
        Set<Long> goals) {
}
