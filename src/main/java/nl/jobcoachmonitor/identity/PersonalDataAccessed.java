package nl.jobcoachmonitor.identity;

import java.time.Instant;

/**
 * Published for every read, search, creation, change, deletion, export and refused request of personal data. The
 * audit module stores it; {@code personId} is the employee's pseudonymous id, never a name. {@code userId},
 * {@code userOrganisationId} and {@code role} are null when no staff member is signed in (a personal link, a scheduled
 * job); {@code onBehalfOf} says on whose behalf the access happened. {@code dataOrganisationId} is the organisation
 * holding the data when the access names no person (a report over its trajectories); else null, and the person's
 * organisation is looked up.
 */
public record PersonalDataAccessed(Instant occurredAt, String username, Role role, AccessAction action,
        String objectType, String objectId, Long personId, boolean allowed, String remoteAddress, Long userId,
        Long userOrganisationId, OnBehalfOf onBehalfOf, Long dataOrganisationId) {
}
