package nl.jobcoachmonitor.export;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A researcher's new export project. The population is one organisation; the rest narrows it. */
record ProjectForm(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 2000) String purpose,
        @NotNull Long organisationId, Long commissionerId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedTo,
        @NotEmpty List<String> waves) {

    static final List<String> WAVES = List.of("T0", "T1", "T2", "T3", "T4");

    static ProjectForm empty() {
        return new ProjectForm("", "", null, null, null, null, List.of("T0", "T1", "T2"));
    }
}
