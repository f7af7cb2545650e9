package nl.jobcoachmonitor.circle;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A researcher's call for participation: the study, what it asks of a coach, how to reach the researcher. */
public record CallForm(@NotBlank @Size(max = 200) String study, @NotBlank @Size(max = 2000) String asks,
        @NotBlank @Size(max = 300) String contact, LocalDate closesOn) {

    public static CallForm empty() {
        return new CallForm("", "", "", null);
    }
}
