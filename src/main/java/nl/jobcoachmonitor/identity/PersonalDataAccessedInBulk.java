package nl.jobcoachmonitor.identity;

import java.util.List;

/**
 * The same access to the data of many persons at once (a full export of an organisation): one access log row per
 * person, written set-based (a batch per transaction) instead of one event and one transaction per person.
 * {@code access} carries everything but the person; {@code personIds} are the employees' ids.
 */
public record PersonalDataAccessedInBulk(PersonalDataAccessed access, List<Long> personIds) {

    public PersonalDataAccessedInBulk {
        personIds = List.copyOf(personIds);
    }
}
