package nl.jobcoachmonitor.export;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import nl.jobcoachmonitor.shared.Csv;

/**
 * The codebook as CSV: per file (long, wide) and variable its label in Dutch and English, its type, its value labels
 * ({@code code=label}, separated by {@code " | "}), its source (instrument and version, or the indicators) and its
 * missing codes (97 not asked, 98 not answered; an empty cell is no response).
 */
final class Codebook {

    private Codebook() {
    }

    static String csv(List<Variable> longVariables, List<Variable> wideVariables) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("file", "variable", "label_nl", "label_en", "type",
                "values_nl", "values_en", "source", "missing_codes")));
        for (String file : List.of("long", "wide")) {
            for (Variable v : file.equals("long") ? longVariables : wideVariables) {
                out.append(Csv.line(List.of(file, v.name(), v.labelNl(), v.labelEn(),
                        v.kind().name().toLowerCase(Locale.ROOT), values(v, true), values(v, false), v.instrument(),
                        v.itemMissingCodes() ? Variable.NOT_ASKED + ";" + Variable.NOT_ANSWERED : "")));
            }
        }
        return out.toString();
    }

    static String values(Variable v, boolean dutch) {
        return v.values().stream().map(x -> x.code() + "=" + (dutch ? x.nl() : x.en()))
                .collect(Collectors.joining(" | "));
    }
}
