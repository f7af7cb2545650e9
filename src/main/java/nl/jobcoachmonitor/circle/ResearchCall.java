package nl.jobcoachmonitor.circle;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A call for research participation. For a coach: whether they signed up ({@code signedUp}); for its researcher: how
 * many signed up and (only on the call's own page) who: {@code volunteers}, empty elsewhere.
 */
public record ResearchCall(long id, String researcher, String study, String asks, String contact, LocalDate closesOn,
        ZonedDateTime postedAt, boolean open, boolean signedUp, int signups, List<Volunteer> volunteers) {

    /** A coach who signed up: name, organisation and when; seen by the call's researcher only. */
    public record Volunteer(String name, String organisation, String email, ZonedDateTime signedUpAt) {
    }
}
