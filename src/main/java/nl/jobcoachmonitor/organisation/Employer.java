package nl.jobcoachmonitor.organisation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A workplace, kept in the address book of the coaching organisation. */
record Employer(@Id Long id, Long organisationId, String name, String city, String sector, @Version Integer version) {
}
