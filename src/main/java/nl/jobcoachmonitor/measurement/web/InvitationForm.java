package nl.jobcoachmonitor.measurement.web;

import java.io.Serializable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.jobcoachmonitor.mail.MailLanguage;

/**
 * The coach's choice when mailing a questionnaire: the address (the employee's as recorded, or the one the coach
 * types for the employer contact) and the language of the mail. The address needs a domain with a dot: a typo like
 * {@code name@example} is refused before anything is stored. Serializable: it comes back as a flash attribute (kept in
 * the session) when the mail server did not take the mail.
 */
record InvitationForm(
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String address,
        @NotNull MailLanguage language) implements Serializable {
}
