package nl.jobcoachmonitor.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.shared.Csv;
import nl.jobcoachmonitor.shared.Table;
import nl.jobcoachmonitor.shared.TableFiles;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The downloadable templates: per kind a CSV file with the header and an example row (it imports as it is), and one
 * workbook with a sheet per kind and a sheet explaining every column (what it holds, whether it is required, the
 * allowed codes) in the reader's language. The codes themselves are the API's and the codebook's, in any language.
 */
@Component
class ImportTemplates {

    private final MessageSource messages;

    ImportTemplates(MessageSource messages) {
        this.messages = messages;
    }

    String csv(ImportKind kind) {
        return Csv.line(kind.columns().stream().map(ImportColumn::name).toList())
                + Csv.line(kind.columns().stream().map(ImportColumn::example).toList());
    }

    byte[] xlsx(Locale locale) {
        var tables = new ArrayList<Table>();
        for (ImportKind kind : ImportKind.values()) {
            tables.add(new Table(kind.file(), kind.file(), kind.columns().stream().map(ImportColumn::name).toList(),
                    List.of(new ArrayList<Object>(kind.columns().stream().map(ImportColumn::example).toList()))));
        }
        var rows = new ArrayList<List<Object>>();
        for (ImportKind kind : ImportKind.values()) {
            for (ImportColumn column : kind.columns()) {
                rows.add(new ArrayList<>(List.of(kind.file(), column.name(), description(kind, column, locale),
                        messages.getMessage(column.required() ? "import.column.required" : "import.column.optional",
                                null, locale), format(column, locale))));
            }
        }
        tables.add(new Table(messages.getMessage("import.template.explanation", null, locale), "",
                List.of(messages.getMessage("import.template.kind", null, locale),
                        messages.getMessage("import.template.column", null, locale),
                        messages.getMessage("import.template.meaning", null, locale),
                        messages.getMessage("import.template.required", null, locale),
                        messages.getMessage("import.template.values", null, locale)), rows));
        return TableFiles.xlsx(tables, true);
    }

    /** The column's meaning: the kind's own text ({@code import.column.goals.themes}) or the shared one. */
    public String description(ImportKind kind, ImportColumn column, Locale locale) {
        String own = messages.getMessage("import.column." + kind.file() + "." + column.name(), null, null, locale);
        return own != null ? own : messages.getMessage("import.column." + column.name(), null, locale);
    }

    /** What a cell holds: the allowed codes, or the format. */
    public String format(ImportColumn column, Locale locale) {
        return switch (column.type()) {
            case CODE -> String.join(", ", column.allowed());
            case CODES -> messages.getMessage("import.format.codes", new Object[] {String.join(", ", column.allowed())},
                    locale);
            default -> messages.getMessage("import.format." + column.type().name().toLowerCase(),
                    new Object[] {column.maxLength()}, locale);
        };
    }
}
