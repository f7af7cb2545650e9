package nl.jobcoachmonitor.coaching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * One coaching contact: date, duration, party, mode, themes, a short note, the reason the hours were needed and the
 * goals of the coaching plan it served (by id).
 */
record Contact(@Id Long id, Long trajectoryId, LocalDate contactOn, int minutes, Party party, ContactMode mode,
        String note, String reason, Long loggedBy, Instant loggedAt, @Version Integer version,
        @MappedCollection(idColumn = "contact_id") Set<ContactTheme> themes,
        @MappedCollection(idColumn = "contact_id") Set<ContactGoal> goals) {

    /** Longer than a working day is a typing error, not a contact. */
    static final int MAX_MINUTES = 480;

    static Contact log(long trajectoryId, LocalDate trajectoryStart, LocalDate on, int minutes, Party party,
            ContactMode mode, Set<Theme> themes, String note, String reason, Set<Long> goals, long loggedBy,
            LocalDate today, Instant now) {
        if (on == null) {
            throw new DomainRuleViolation("contactOn", "NotNull");
        }
        if (on.isAfter(today)) {
            throw new DomainRuleViolation("contactOn", "validation.date.future");
        }
        if (on.isBefore(trajectoryStart)) {
            throw new DomainRuleViolation("contactOn", "trajectory.date.beforeStart");
        }
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new DomainRuleViolation("minutes", "contact.minutes.range");
        }
        var rows = themes == null ? Set.<ContactTheme>of()
                : themes.stream().map(ContactTheme::new).collect(Collectors.toSet());
        var goalRows = goals == null ? Set.<ContactGoal>of()
                : goals.stream().map(ContactGoal::new).collect(Collectors.toSet());
        return new Contact(null, trajectoryId, on, minutes, party, mode, blankToNull(note), blankToNull(reason),
                loggedBy, now, null, rows, goalRows);
    }

    /** This contact with the corrected facts of {@code corrected} (made by {@link #log}, so checked the same way). */
    Contact correctedTo(Contact corrected) {
        return new Contact(id, trajectoryId, corrected.contactOn, corrected.minutes, corrected.party, corrected.mode,
                corrected.note, corrected.reason, loggedBy, loggedAt, version, corrected.themes, corrected.goals);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    Set<Long> goalIds() {
        return goals.stream().map(ContactGoal::goalId).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<Theme> themeSet() {
        return themes.stream().map(ContactTheme::theme).collect(Collectors.toCollection(TreeSet::new));
    }
}
