package nl.jobcoachmonitor.export;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.shared.Csv;
import nl.jobcoachmonitor.shared.Table;
import nl.jobcoachmonitor.shared.TableFiles;

/**
 * The export as a spreadsheet, next to the CSV files that R and SPSS read (those keep the codes as headers): a sheet
 * describing the selection, then wide, long and the codebook, every header in the reader's language (the variable's
 * label; the codebook sheet gives its code). Numbers (and the missing codes 97 and 98) are numeric cells, pseudonyms and
 * codes text, formula-like text neutralised as in the CSV.
 */
final class ExportWorkbook {

    private ExportWorkbook() {
    }

    static byte[] of(ExportProject project, ZonedDateTime made, ExportTables tables, List<List<String>> wide,
            List<List<String>> longRows, int persons, boolean dutch) {
        List<Table> sheets = new ArrayList<>();
        sheets.add(selection(project, made, wide.size() - 1, persons, dutch));
        sheets.add(data("wide", tables.wideVariables(), wide, dutch));
        sheets.add(data("long", tables.longVariables(), longRows, dutch));
        sheets.add(codebook(tables, dutch));
        return TableFiles.xlsx(sheets, true);
    }

    private static Table selection(ExportProject project, ZonedDateTime made, int trajectories, int persons,
            boolean dutch) {
        String all = dutch ? "alle" : "all";
        List<List<Object>> rows = List.of(
                row(dutch ? "Project" : "Project", project.name()),
                row(dutch ? "Doel" : "Purpose", project.purpose()),
                row(dutch ? "Organisatie" : "Organisation", project.organisationName()),
                row(dutch ? "Opdrachtgever" : "Commissioner",
                        project.commissionerName() == null ? all : project.commissionerName()),
                row(dutch ? "Start traject vanaf (maand)" : "Trajectory started from (month)",
                        project.startedFrom() == null ? all : project.startedFrom().toString()),
                row(dutch ? "Start traject tot en met (maand)" : "Trajectory started up to (month)",
                        project.startedTo() == null ? all : project.startedTo().toString()),
                row(dutch ? "Meetmomenten" : "Waves", String.join(", ", project.waves())),
                row(dutch ? "Gemaakt op" : "Made on", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(made)),
                row(dutch ? "Trajecten" : "Trajectories", trajectories),
                row(dutch ? "Personen" : "Persons", persons),
                row(dutch ? "Ontbrekend" : "Missing", dutch
                        ? "97 = niet gevraagd, 98 = niet beantwoord, leeg = geen antwoord"
                        : "97 = not asked, 98 = not answered, empty = no response"),
                row(dutch ? "Personen en trajecten" : "Persons and trajectories", dutch
                        ? "Pseudoniemen, alleen binnen dit project gelijk; geen namen, werkgevers of datums (dagen sinds de start)"
                        : "Pseudonyms, the same within this project only; no names, employers or dates (days since the start)"));
        String name = dutch ? "Selectie" : "Selection";
        return new Table(name, name, List.of(dutch ? "Gegeven" : "Item", dutch ? "Waarde" : "Value"), rows);
    }

    private static Table data(String name, List<Variable> variables, List<List<String>> rows, boolean dutch) {
        List<String> header = variables.stream().map(v -> dutch ? v.labelNl() : v.labelEn()).toList();
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            List<Object> out = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                out.add(cell(variables.get(c), row.get(c)));
            }
            cells.add(out);
        }
        return new Table(name, name, header, cells);
    }

    /** A number as a numeric cell (every kind but text: numeric and coded values, missing codes); the rest as text. */
    private static Object cell(Variable variable, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return variable.kind() != Variable.Kind.TEXT && Csv.isNumber(value) ? new BigDecimal(value) : value;
    }

    private static Table codebook(ExportTables tables, boolean dutch) {
        List<List<Object>> rows = new ArrayList<>();
        for (String file : List.of("long", "wide")) {
            for (Variable v : file.equals("long") ? tables.longVariables() : tables.wideVariables()) {
                rows.add(row(file, v.name(), dutch ? v.labelNl() : v.labelEn(),
                        v.kind().name().toLowerCase(Locale.ROOT), Codebook.values(v, dutch), v.instrument(),
                        v.itemMissingCodes() ? Variable.NOT_ASKED + ";" + Variable.NOT_ANSWERED : ""));
            }
        }
        String name = dutch ? "Codeboek" : "Codebook";
        return new Table(name, name, dutch
                ? List.of("Bestand", "Variabele (code)", "Omschrijving", "Soort", "Waarden", "Bron", "Ontbrekend")
                : List.of("File", "Variable (code)", "Label", "Type", "Values", "Source", "Missing codes"), rows);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
