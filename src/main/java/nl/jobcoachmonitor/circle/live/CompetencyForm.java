package nl.jobcoachmonitor.circle.live;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A competency added to the circle's list. */
record CompetencyForm(
        @NotBlank
        @Size(max = 200) String name) {

    static CompetencyForm empty() {
        return new CompetencyForm("");
    }
}
