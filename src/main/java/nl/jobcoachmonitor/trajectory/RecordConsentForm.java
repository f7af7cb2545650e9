package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The coach records what the employee decided: consent given or withdrawn, for one purpose. */
public record RecordConsentForm(@NotNull ConsentPurpose purpose, @NotNull Boolean given,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate decidedOn,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z._-]*") String textVersion) {

    /** The version of the consent text in use now. */
    public static final String CURRENT_TEXT_VERSION = "2026-1";

    public static RecordConsentForm empty(LocalDate today) {
        return new RecordConsentForm(ConsentPurpose.RESEARCH, Boolean.TRUE, today, CURRENT_TEXT_VERSION);
    }
}
