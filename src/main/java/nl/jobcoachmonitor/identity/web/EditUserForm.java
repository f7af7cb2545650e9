package nl.jobcoachmonitor.identity.web;

import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.identity.UserAccount;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changes to a staff account; never its password (only the user sets that, by an invitation link). */
record EditUserForm(
        @NotNull Integer version,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 200) String email,
        @NotNull Role role,
        Long organisationId,
        Long commissionerId) {

    static EditUserForm of(UserAccount a) {
        return new EditUserForm(a.getVersion(), a.getDisplayName(), a.getEmail(), a.getRole(), a.getOrganisationId(),
                a.getCommissionerId());
    }
}
