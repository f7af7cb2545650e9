package nl.jobcoachmonitor.identity;

import java.time.Instant;

/**
 * Published for every read, search, change and refused request of personal data. The audit module stores it;
 * {@code personId} is the employee's pseudonymous id, never a name.
 */
public record PersonalDataAccessed(Instant occurredAt, String username, Role role, AccessAction action,
        String objectType, String objectId, Long personId, boolean allowed, String remoteAddress) {
}
