package nl.jobcoachmonitor.trajectory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A correction of the employee's name, e-mail or phone; {@code version} is the employee row the coach saw. */
public record CorrectEmployeeForm(
        @NotNull Integer version,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Email @Size(max = 200) String email,
        @Size(max = 40) String phone) {
}
