package nl.jobcoachmonitor.identity.web;

import nl.jobcoachmonitor.identity.Role;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * New staff account, as the administrator fills it in: no password, the new user sets it through the invitation mailed
 * to this address.
 */
record UserForm(
        @NotBlank @Size(min = 3, max = 60) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Email @Size(max = 200) String email,
        @NotNull Role role,
        Long organisationId,
        Long commissionerId) {
}
