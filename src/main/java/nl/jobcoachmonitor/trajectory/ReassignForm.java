package nl.jobcoachmonitor.trajectory;

import jakarta.validation.constraints.NotNull;

public record ReassignForm(@NotNull Integer version, @NotNull Long coachId) {
}
