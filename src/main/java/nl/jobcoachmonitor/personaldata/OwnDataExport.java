package nl.jobcoachmonitor.personaldata;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.jobcoachmonitor.measurement.MeasurementManagement.CompletedResponse;
import nl.jobcoachmonitor.shared.Csv;

import org.springframework.context.MessageSource;

/**
 * The employee's own data as a download: JSON (structured, codes and their labels in the reader's language: the
 * machine-readable copy of GDPR art. 20) and CSV (one line per fact: part, date, what, value; for a spreadsheet, with
 * formula-like text neutralised by {@link Csv}). Both hold exactly what the own-data page shows.
 */
final class OwnDataExport {

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    OwnDataExport(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    Map<String, Object> json(OwnData data, List<CompletedResponse> answers) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("madeAt", data.madeAt().atZone(zone).toOffsetDateTime().toString());
        out.put("person", data.person());
        List<Object> trajectories = new ArrayList<>();
        for (var t : data.trajectories()) {
            Map<String, Object> tr = new LinkedHashMap<>();
            tr.put("id", t.id());
            tr.put("phase", coded("phase", t.phase()));
            tr.put("closingReason", coded("closingReason", t.closingReason()));
            tr.put("startedOn", t.startedOn());
            tr.put("closedOn", t.closedOn());
            tr.put("coach", t.coach());
            tr.put("organisation", t.organisation());
            tr.put("commissioner", t.commissioner());
            tr.put("employer", t.employer());
            if (t.job() == null) {
                tr.put("job", null);
            } else {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("title", t.job().title());
                job.put("contractHours", t.job().contractHours());
                job.put("contractType", coded("contractType", t.job().contractType()));
                job.put("startedOn", t.job().startedOn());
                tr.put("job", job);
            }
            tr.put("phaseHistory", t.phases().stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("changedOn", p.changedOn());
                m.put("from", coded("phase", p.fromPhase()));
                m.put("to", coded("phase", p.toPhase()));
                m.put("closingReason", coded("closingReason", p.closingReason()));
                return m;
            }).toList());
            tr.put("jobChanges", t.jobChanges().stream().map(j -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("changedOn", j.changedOn());
                m.put("kind", coded("jobChangeKind", j.kind()));
                m.put("jobTitle", j.jobTitle());
                m.put("contractHours", j.contractHours());
                m.put("contractType", coded("contractType", j.contractType()));
                m.put("employer", j.employer());
                m.put("note", j.note());
                return m;
            }).toList());
            tr.put("contacts", t.contacts().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", c.date());
                m.put("minutes", c.minutes());
                m.put("party", coded("party", c.party()));
                m.put("mode", coded("mode", c.mode()));
                m.put("themes", c.themes().stream().map(th -> coded("theme", th)).toList());
                m.put("note", c.note());
                return m;
            }).toList());
            tr.put("goals", t.goals().stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("description", g.description());
                m.put("status", coded("goalStatus", g.status()));
                m.put("reviewOn", g.reviewOn());
                return m;
            }).toList());
            tr.put("reportsAsSent", t.reports());
            tr.put("consents", t.consents().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("purpose", coded("consent.purpose", c.purpose()));
                m.put("given", c.given());
                m.put("decidedOn", c.decidedOn());
                m.put("textVersion", c.textVersion());
                return m;
            }).toList());
            trajectories.add(tr);
        }
        out.put("trajectories", trajectories);
        out.put("corrections", data.corrections().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", c.correctedAt().toOffsetDateTime().toString());
            m.put("subject", c.subject().name());
            m.put("field", c.field());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            return m;
        }).toList());
        out.put("questionnaires", answers.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trajectoryId", r.trajectoryId());
            m.put("wave", r.wave());
            m.put("completedAt", r.completedAt().atZone(zone).toOffsetDateTime().toString());
            m.put("enteredByCoach", r.enteredByCoach());
            List<Object> items = new ArrayList<>();
            r.sections().forEach(s -> r.asked(s).forEach(i -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("code", i.code());
                item.put("question", i.text().get(locale));
                item.put("answer", r.answer(i, locale));
                items.add(item);
            }));
            m.put("answers", items);
            return m;
        }).toList());
        return out;
    }

    String csv(OwnData data, List<CompletedResponse> answers) {
        var out = new StringBuilder("\uFEFF");
        out.append(Csv.line(label("owndata.csv.part"), label("owndata.csv.date"), label("owndata.csv.what"),
                label("owndata.csv.value")));
        var p = data.person();
        String person = label("owndata.person");
        out.append(Csv.line(person, "", label("owndata.person.number"), String.valueOf(p.id())));
        out.append(Csv.line(person, "", label("owndata.person.firstName"), p.firstName()));
        out.append(Csv.line(person, "", label("owndata.person.lastName"), p.lastName()));
        out.append(Csv.line(person, "", label("owndata.person.birthDate"), String.valueOf(p.birthDate())));
        out.append(Csv.line(person, "", label("owndata.person.email"), p.email()));
        out.append(Csv.line(person, "", label("owndata.person.phone"), p.phone()));
        for (var t : data.trajectories()) {
            String part = label("owndata.trajectory", t.id());
            out.append(Csv.line(part, String.valueOf(t.startedOn()), label("owndata.trajectory.started"), ""));
            out.append(Csv.line(part, "", label("owndata.trajectory.phase"), code("phase", t.phase())));
            if (t.closedOn() != null) {
                out.append(Csv.line(part, String.valueOf(t.closedOn()), label("owndata.trajectory.closed"),
                        code("closingReason", t.closingReason())));
            }
            out.append(Csv.line(part, "", label("owndata.trajectory.coach"), t.coach()));
            out.append(Csv.line(part, "", label("owndata.trajectory.organisation"), t.organisation()));
            out.append(Csv.line(part, "", label("owndata.trajectory.commissioner"), t.commissioner()));
            out.append(Csv.line(part, "", label("owndata.trajectory.employer"), t.employer()));
            if (t.job() != null) {
                out.append(Csv.line(part, String.valueOf(t.job().startedOn()), label("owndata.job.title"),
                        t.job().title()));
                out.append(Csv.line(part, "", label("owndata.job.hours"), number(t.job().contractHours())));
                out.append(Csv.line(part, "", label("owndata.job.contract"), code("contractType",
                        t.job().contractType())));
            }
            for (var s : t.phases()) {
                out.append(Csv.line(part, String.valueOf(s.changedOn()), label("owndata.phaseChange"),
                        code("phase", s.toPhase()) + (s.closingReason() == null ? ""
                                : " (" + code("closingReason", s.closingReason()) + ")")));
            }
            for (var j : t.jobChanges()) {
                out.append(Csv.line(part, String.valueOf(j.changedOn()), label("owndata.jobChange"),
                        join(code("jobChangeKind", j.kind()), j.jobTitle(), number(j.contractHours()),
                                j.employer(), j.note())));
            }
            for (var c : t.contacts()) {
                out.append(Csv.line(part, String.valueOf(c.date()), label("owndata.contact",
                        c.minutes(), code("party", c.party()), code("mode", c.mode()),
                        String.join(", ", c.themes().stream().map(th -> code("theme", th)).toList())),
                        c.note()));
            }
            for (var g : t.goals()) {
                out.append(Csv.line(part, String.valueOf(g.reviewOn()), label("owndata.goals"),
                        join(g.description(), code("goalStatus", g.status()))));
            }
            for (var r : t.reports()) {
                out.append(Csv.line(part, r.sentAt().toLocalDate().toString(), label("owndata.reports"),
                        join(r.commissioner(), r.periodFrom() + " – " + r.lastDay(), "v" + r.versionNo(),
                                number(java.math.BigDecimal.valueOf(r.minutesTotal(), 0)
                                        .divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)),
                                r.summary())));
            }
            for (var c : t.consents()) {
                out.append(Csv.line(part, String.valueOf(c.decidedOn()), label("owndata.consents"),
                        join(code("consent.purpose", c.purpose()),
                                label(c.given() ? "consent.given" : "consent.withdrawn"), c.textVersion())));
            }
        }
        for (var c : data.corrections()) {
            out.append(Csv.line(label("owndata.corrections"), c.correctedAt().toLocalDate().toString(),
                    label("correction.subject." + c.subject()) + ": " + label("correction.field." + c.field()),
                    (c.oldValue() == null ? "" : c.oldValue()) + " → " + (c.newValue() == null ? "" : c.newValue())));
        }
        for (var r : answers) {
            String part = label("owndata.answers.part", r.wave());
            String date = r.completedAt().atZone(zone).toLocalDate().toString();
            r.sections().forEach(s -> r.asked(s).forEach(i -> out.append(Csv.line(part, date,
                    i.text().get(locale), r.answer(i, locale)))));
        }
        return out.toString();
    }

    /** A code with its label, for the JSON: {"code": "COACHING", "label": "Begeleiding op de werkplek"}. */
    private Map<String, String> coded(String prefix, String code) {
        if (code == null) {
            return null;
        }
        return Map.of("code", code, "label", code(prefix, code));
    }

    private String code(String prefix, String code) {
        return code == null ? "" : messages.getMessage(prefix + "." + code, null, code, locale);
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String join(String... parts) {
        return String.join("; ", java.util.Arrays.stream(parts).filter(s -> s != null && !s.isEmpty()).toList());
    }
}
