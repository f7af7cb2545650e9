package nl.jobcoachmonitor.export;

import java.time.YearMonth;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A researcher's new export project. The population is one organisation; the rest narrows it. The period of
 * trajectory start is in whole calendar months ({@code 2025-03}, as an {@code <input type="month">} sends it), both
 * ends included.
 */
record ProjectForm(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 2000) String purpose,
        @NotNull Long organisationId, Long commissionerId,
        @DateTimeFormat(pattern = "yyyy-MM") YearMonth startedFrom,
        @DateTimeFormat(pattern = "yyyy-MM") YearMonth startedTo,
        @NotEmpty List<String> waves) {

    static final List<String> WAVES = List.of("T0", "T1", "T2", "T3", "T4");

    static ProjectForm empty() {
        return new ProjectForm("", "", null, null, null, null, List.of("T0", "T1", "T2"));
    }
}
