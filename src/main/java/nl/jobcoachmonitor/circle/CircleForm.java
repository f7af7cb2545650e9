package nl.jobcoachmonitor.circle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new knowledge circle (administrator): its name and the user name of the staff member who organises it. */
public record CircleForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String organiser) {

    public static CircleForm empty() {
        return new CircleForm("", "");
    }
}
