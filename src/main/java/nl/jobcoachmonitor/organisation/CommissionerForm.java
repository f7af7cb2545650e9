package nl.jobcoachmonitor.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record CommissionerForm(@NotBlank @Size(max = 200) String name, @NotNull CommissionerKind kind) {
}
