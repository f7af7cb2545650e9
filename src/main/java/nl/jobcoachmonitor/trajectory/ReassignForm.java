package nl.jobcoachmonitor.trajectory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The manager hands a trajectory to another coach, with the reason the new coach sees. */
public record ReassignForm(@NotNull Integer version, @NotNull Long coachId, @NotBlank @Size(max = 500) String reason) {
}
