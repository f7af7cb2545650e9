package nl.jobcoachmonitor.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SPSS syntax that reads long.csv and wide.csv (as two datasets) with variable labels, value labels and the missing
 * codes 97 and 98. Text is quoted with apostrophes, an apostrophe doubled.
 */
final class SpssSyntax {

    private SpssSyntax() {
    }

    static String of(String projectName, List<Variable> longVariables, List<Variable> wideVariables, boolean dutch) {
        return "* Jobcoach Monitor research export: " + RScript.comment(projectName) + ".\n"
                + "* Set the folder with the files first, for example: CD 'C:/data/export'.\n"
                + "* Missing: empty = no response at this wave, 97 = not asked, 98 = not answered.\n\n"
                + dataset("long", longVariables, dutch)
                // a copy keeps the labelled long data open when the next GET DATA replaces the active dataset
                + "DATASET COPY long.\n\n"
                + dataset("wide", wideVariables, dutch) + "DATASET NAME wide.\n";
    }

    private static String dataset(String name, List<Variable> variables, boolean dutch) {
        StringBuilder out = new StringBuilder();
        out.append("GET DATA /TYPE=TXT /FILE='").append(name).append(".csv' /ENCODING='UTF8'\n")
                .append("  /ARRANGEMENT=DELIMITED /FIRSTCASE=2 /DELCASE=LINE /DELIMITERS=\",\" /QUALIFIER='\"'\n")
                .append("  /VARIABLES=\n");
        for (Variable v : variables) {
            out.append("  ").append(v.name()).append(' ').append(format(v)).append('\n');
        }
        out.append("  .\n\nVARIABLE LABELS\n");
        out.append(variables.stream().map(v -> "  " + v.name() + " " + quote(dutch ? v.labelNl() : v.labelEn()))
                .collect(Collectors.joining("\n  /"))).append(".\n");
        var labelled = variables.stream().filter(v -> !v.values().isEmpty()).toList();
        if (!labelled.isEmpty()) {
            out.append("VALUE LABELS\n");
            out.append(labelled.stream().map(v -> "  " + v.name() + " " + v.values().stream()
                    .map(x -> code(v, x.code()) + " " + quote(dutch ? x.nl() : x.en()))
                    .collect(Collectors.joining(" "))).collect(Collectors.joining("\n  /"))).append(".\n");
        }
        var missing = variables.stream().filter(Variable::itemMissingCodes).toList();
        if (!missing.isEmpty()) {
            out.append("MISSING VALUES\n");
            out.append(missing.stream().map(v -> "  " + v.name() + " (" + code(v, Variable.NOT_ASKED) + ", "
                    + code(v, Variable.NOT_ANSWERED) + ")").collect(Collectors.joining("\n  /"))).append(".\n");
        }
        return out.append("EXECUTE.\n").toString();
    }

    private static String format(Variable v) {
        return switch (v.kind()) {
            case TEXT -> "A20";
            case CATEGORICAL -> "A40";
            case NUMERIC -> "F8.2";
        };
    }

    private static String code(Variable v, String code) {
        return v.kind() == Variable.Kind.NUMERIC ? code : quote(code);
    }

    static String quote(String text) {
        return "'" + RScript.comment(text).replace("'", "''") + "'";
    }
}
