package nl.jobcoachmonitor.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The short form behind an assessment link: how satisfied with the coaching (1-10) and an optional remark. */
public record AssessmentForm(@NotNull @Min(1) @Max(10) Integer grade, @Size(max = 300) String remark) {
}
