package nl.jobcoachmonitor.personaldata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.jobcoachmonitor.audit.AccessHistory;

import org.springframework.context.MessageSource;

/**
 * The access list of the own-data page in words a layperson reads: per day, one line per kind of access ("A coach of
 * Werkzaak viewed your questionnaire answers (3 times)"), newest first. The employee's own views by their personal link
 * are left out: they know those.
 */
final class AccessList {

    /** One day of the list. */
    record Day(LocalDate day, List<Line> lines) {
    }

    /** One kind of access on a day: the sentence, how often, and the time of the latest. */
    record Line(String sentence, int times, LocalTime latest) {
    }

    private record Kind(LocalDate day, String role, String organisation, String action, String objectType) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    AccessList(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** The accesses (newest first) grouped per day and kind, without the person's own views. */
    List<Day> days(List<AccessHistory.Access> accesses) {
        Map<Kind, int[]> counts = new LinkedHashMap<>();
        Map<Kind, LocalTime> latest = new LinkedHashMap<>();
        for (var a : accesses) {
            if (a.own()) {
                continue;
            }
            var at = a.occurredAt().atZone(zone);
            var kind = new Kind(at.toLocalDate(), a.role(), a.organisation(), a.action(), a.objectType());
            counts.computeIfAbsent(kind, k -> new int[1])[0]++;
            latest.putIfAbsent(kind, at.toLocalTime().withSecond(0).withNano(0));
        }
        Map<LocalDate, List<Line>> days = new LinkedHashMap<>();
        counts.forEach((kind, n) -> days.computeIfAbsent(kind.day(), d -> new ArrayList<>())
                .add(new Line(sentence(kind), n[0], latest.get(kind))));
        return days.entrySet().stream().map(e -> new Day(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private String sentence(Kind kind) {
        String who = kind.role() == null ? message("owndata.access.who.system")
                : message("owndata.access.who." + kind.role());
        if (kind.role() != null && kind.organisation() != null) {
            who = message("owndata.access.byOrganisation", who, kind.organisation());
        }
        String what = messages.getMessage("owndata.access.what." + kind.objectType(), null, null, locale);
        if (what == null) {
            what = messages.getMessage("owndata.object." + kind.objectType(), null, kind.objectType(), locale);
        }
        String verb = message("owndata.access.verb." + kind.action());
        return message("owndata.access.sentence", who, what, verb);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
