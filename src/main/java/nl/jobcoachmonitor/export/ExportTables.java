package nl.jobcoachmonitor.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.jobcoachmonitor.export.ExportData.Answered;
import nl.jobcoachmonitor.export.ExportData.Subject;
import nl.jobcoachmonitor.export.ExportData.WaveData;
import nl.jobcoachmonitor.export.Variable.Kind;
import nl.jobcoachmonitor.export.Variable.Value;
import nl.jobcoachmonitor.measurement.Instrument;
import nl.jobcoachmonitor.measurement.Instruments;
import nl.jobcoachmonitor.measurement.Item;
import nl.jobcoachmonitor.measurement.ItemType;

import org.springframework.context.MessageSource;

/**
 * The export's two layouts as tables of text: long (one row per trajectory and wave) and wide (one row per trajectory,
 * the waves side by side as {@code <item>_<wave>}), with the variables the codebook, the R script and the SPSS syntax
 * describe. Answers keep the codes of the instrument; a completed response's item that was not asked is 97, one left
 * unanswered 98; no response at all is an empty cell.
 */
final class ExportTables {

    /** The instruments whose answers are exported, in this order. */
    static final List<String> INSTRUMENTS = List.of("employee", "coach", "employer");

    private final List<String> waves;
    private final Instruments instruments;
    private final MessageSource messages;
    private final List<Variable> items = new ArrayList<>();
    private final Map<String, Item> itemOf = new LinkedHashMap<>();
    private final Map<String, String> instrumentOf = new LinkedHashMap<>();

    ExportTables(List<String> waves, Instruments instruments, MessageSource messages) {
        this.waves = waves;
        this.instruments = instruments;
        this.messages = messages;
        for (String code : INSTRUMENTS) {
            Instrument instrument = instruments.current(code);
            String source = code + " v" + instrument.version();
            for (Item item : instrument.items()) {
                if (item.type() == ItemType.MULTI) {
                    for (var option : item.options()) {
                        String name = item.code() + "_" + option.value();
                        items.add(new Variable(name, item.text().nl() + " – " + option.label().nl(),
                                item.text().en() + " – " + option.label().en(), Kind.CATEGORICAL, yesNo(), source,
                                true));
                        itemOf.put(name, item);
                        instrumentOf.put(name, code);
                    }
                } else {
                    boolean numeric = item.type() == ItemType.NUMBER || item.type() == ItemType.SCALE
                            || item.type() == ItemType.GRADE;
                    List<Value> values = item.type() == ItemType.NUMBER || item.type() == ItemType.GRADE ? List.of()
                            : item.options().stream().map(o -> new Value(o.value(), o.label().nl(), o.label().en()))
                                    .toList();
                    items.add(new Variable(item.code(), item.text().nl(), item.text().en(),
                            numeric ? Kind.NUMERIC : Kind.CATEGORICAL, values, source, true));
                    itemOf.put(item.code(), item);
                    instrumentOf.put(item.code(), code);
                }
            }
        }
    }

    private static List<Value> yesNo() {
        return List.of(new Value("1", "Ja", "Yes"), new Value("0", "Nee", "No"));
    }

    private Variable text(String name, String nl, String en) {
        return new Variable(name, nl, en, Kind.TEXT, List.of(), "", false);
    }

    private Variable numeric(String name, String nl, String en) {
        return new Variable(name, nl, en, Kind.NUMERIC, List.of(), "", false);
    }

    private Variable indicator(String name, String nl, String en) {
        return new Variable(name, nl, en, Kind.NUMERIC, List.of(), "indicators", false);
    }

    private Variable flag(String name, String nl, String en) {
        return new Variable(name, nl, en, Kind.CATEGORICAL, yesNo(), "indicators", false);
    }

    private Variable coded(String name, String nl, String en, String prefix, Enum<?>[] values) {
        List<Value> labels = new ArrayList<>();
        for (Enum<?> v : values) {
            labels.add(new Value(v.name(), label(prefix + v.name(), Locale.forLanguageTag("nl")),
                    label(prefix + v.name(), Locale.ENGLISH)));
        }
        return new Variable(name, nl, en, Kind.CATEGORICAL, labels, "", false);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    List<Variable> longVariables() {
        List<Variable> list = new ArrayList<>(List.of(
                text("person", "Pseudoniem van de werknemer (binnen dit project)", "Pseudonym of the employee (within this project)"),
                text("trajectory", "Pseudoniem van het traject (binnen dit project)", "Pseudonym of the trajectory (within this project)"),
                new Variable("wave", "Meetmoment", "Measurement wave", Kind.CATEGORICAL,
                        waves.stream().map(w -> new Value(w, w, w)).toList(), "", false),
                numeric("wave_day", "Dagen van de start van het traject tot het meetmoment", "Days from the start of the trajectory to the wave"),
                numeric("employee_day", "Dagen van de start tot de vragenlijst van de werknemer", "Days from the start to the employee's questionnaire"),
                numeric("coach_day", "Dagen van de start tot de vragenlijst van de jobcoach", "Days from the start to the coach's questionnaire"),
                numeric("employer_day", "Dagen van de start tot de vragenlijst van de werkgever", "Days from the start to the employer's questionnaire")));
        list.addAll(items);
        return list;
    }

    List<Variable> wideVariables() {
        List<Variable> list = new ArrayList<>(List.of(
                text("person", "Pseudoniem van de werknemer (binnen dit project)", "Pseudonym of the employee (within this project)"),
                text("trajectory", "Pseudoniem van het traject (binnen dit project)", "Pseudonym of the trajectory (within this project)"),
                numeric("age_start", "Leeftijd bij de start van het traject (jaren)", "Age at the start of the trajectory (years)"),
                coded("commissioner_kind", "Soort opdrachtgever", "Kind of commissioner", "commissionerKind.",
                        nl.jobcoachmonitor.organisation.CommissionerKind.values()),
                coded("phase", "Fase bij de export", "Phase at the export", "phase.",
                        nl.jobcoachmonitor.trajectory.TrajectoryPhase.values()),
                coded("closing_reason", "Reden van afsluiten", "Reason for closing", "closingReason.",
                        nl.jobcoachmonitor.trajectory.ClosingReason.values()),
                numeric("close_day", "Dagen van de start tot het afsluiten", "Days from the start to closing"),
                numeric("coaching_start_day", "Dagen van de start tot de begeleiding op de werkplek", "Days from the start to coaching on the job"),
                numeric("contract_hours", "Contracturen per week (nu)", "Contract hours per week (now)"),
                indicator("hours_month_0_3", "Contacturen per maand, maand 0–3", "Contact hours per month, months 0–3"),
                indicator("hours_employee_month_0_3", "Contacturen per maand met de werknemer, maand 0–3", "Contact hours per month with the employee, months 0–3"),
                indicator("hours_employer_month_0_3", "Contacturen per maand met de werkgever, maand 0–3", "Contact hours per month with the employer, months 0–3"),
                indicator("hours_month_3_6", "Contacturen per maand, maand 3–6", "Contact hours per month, months 3–6"),
                flag("retained", "Nog aan het werk na 6 maanden", "Still in work after 6 months"),
                flag("positive_development", "Positieve ontwikkeling", "Positive development"),
                flag("employment_ended", "Dienstverband beëindigd", "Employment ended"),
                indicator("job_fit_first", "Passendheid werk, eerste meting (1–10)", "Job fit, first measurement (1–10)"),
                indicator("job_fit_latest", "Passendheid werk, laatste meting (1–10)", "Job fit, latest measurement (1–10)"),
                indicator("rapport_employee", "Klik volgens de werknemer (gemiddelde 1–5)", "Rapport according to the employee (mean 1–5)"),
                indicator("rapport_coach", "Klik volgens de jobcoach (1–5)", "Rapport according to the coach (1–5)"),
                indicator("fit_wishes", "Aansluiting bij wensen (gemiddelde 1–5)", "Fit with wishes (mean 1–5)"),
                indicator("capability_set_first", "Capability set, eerste meting (0–7)", "Capability set, first measurement (0–7)"),
                indicator("capability_set_latest", "Capability set, laatste meting (0–7)", "Capability set, latest measurement (0–7)"),
                indicator("gaps_latest", "Werkwaarden met een kloof, laatste meting (0–7)", "Work values with a gap, latest measurement (0–7)")));
        for (String wave : waves) {
            list.add(numeric("wave_day_" + wave, "Dagen van de start tot " + wave, "Days from the start to " + wave));
            for (Variable v : items) {
                list.add(v.withName(v.name() + "_" + wave, " (" + wave + ")"));
            }
        }
        return list;
    }

    List<List<String>> longRows(Collection<Subject> subjects, Pseudonyms pseudonyms) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(longVariables().stream().map(Variable::name).toList());
        for (Subject s : subjects) {
            for (String code : waves) {
                WaveData wave = s.waves().get(code);
                if (wave == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(pseudonyms.person(s.employeeId()),
                        pseudonyms.trajectory(s.trajectoryId()), code, String.valueOf(wave.dueDay()),
                        day(wave, "employee"), day(wave, "coach"), day(wave, "employer")));
                addAnswers(row, wave);
                rows.add(row);
            }
        }
        return rows;
    }

    List<List<String>> wideRows(Collection<Subject> subjects, Pseudonyms pseudonyms) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(wideVariables().stream().map(Variable::name).toList());
        for (Subject s : subjects) {
            List<String> row = new ArrayList<>(List.of(pseudonyms.person(s.employeeId()),
                    pseudonyms.trajectory(s.trajectoryId()), String.valueOf(s.ageAtStart()),
                    s.commissionerKind(), s.phase(), orEmpty(s.closingReason()), orEmpty(s.closeDay()),
                    orEmpty(s.coachingStartDay()), ExportData.number(s.contractHours())));
            row.addAll(s.indicators().values());
            for (String code : waves) {
                WaveData wave = s.waves().get(code);
                row.add(wave == null ? "" : String.valueOf(wave.dueDay()));
                addAnswers(row, wave);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String day(WaveData wave, String instrument) {
        Answered a = wave.responses().get(instrument);
        return a == null ? "" : String.valueOf(a.day());
    }

    private void addAnswers(List<String> row, WaveData wave) {
        for (Variable v : items) {
            Answered response = wave == null ? null : wave.responses().get(instrumentOf.get(v.name()));
            row.add(response == null ? "" : answer(v, itemOf.get(v.name()), wave.code(), response));
        }
    }

    /** The cell of one item variable in a completed response. */
    private static String answer(Variable v, Item item, String wave, Answered response) {
        if (!item.askedAt(wave, response.answers())) {
            return Variable.NOT_ASKED;
        }
        Object value = response.answers().get(item.code());
        if (value == null || (value instanceof String text && text.isBlank())) {
            return Variable.NOT_ANSWERED;
        }
        if (item.type() == ItemType.MULTI) {
            String option = v.name().substring(item.code().length() + 1);
            return value instanceof Collection<?> chosen && chosen.stream().map(String::valueOf)
                    .anyMatch(option::equals) ? "1" : "0";
        }
        return ExportData.number(value);
    }
}
