package nl.jobcoachmonitor.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record OrganisationForm(@NotBlank @Size(max = 200) String name, @Size(max = 100) String city) {
}
