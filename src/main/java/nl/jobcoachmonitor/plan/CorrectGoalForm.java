package nl.jobcoachmonitor.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction of a goal's wording (a mistake, or the employee's own words set right), not a review: the goal stays
 * the same goal. {@code version} is the goal the coach saw.
 */
public record CorrectGoalForm(@NotNull Integer version, @NotBlank @Size(max = 300) String description) {
}
