package nl.jobcoachmonitor.coaching;

import java.time.LocalDate;
import java.util.Set;

/** A contact as the timeline and the API show it. */
public record ContactEntry(long id, LocalDate contactOn, int minutes, Party party, ContactMode mode, Set<Theme> themes,
        String note, String reason, Set<Long> goals) {
}
