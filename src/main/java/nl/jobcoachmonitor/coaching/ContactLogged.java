package nl.jobcoachmonitor.coaching;

import java.time.LocalDate;
import java.util.Set;

public record ContactLogged(long contactId, long trajectoryId, LocalDate contactOn, int minutes, Party party,
        Set<Theme> themes) {
}
