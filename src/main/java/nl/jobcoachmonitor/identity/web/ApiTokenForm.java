package nl.jobcoachmonitor.identity.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A new personal access token: its name, its last day, and a current code of the authenticator app (if enrolled). */
record ApiTokenForm(@NotBlank @Size(max = 100) String name,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull LocalDate expiresOn, String code) {

    /** The expiry offered first: 90 days from today. */
    static ApiTokenForm empty(LocalDate today) {
        return new ApiTokenForm("", today.plusDays(90), "");
    }
}
