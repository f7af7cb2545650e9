package nl.jobcoachmonitor.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.shared.Table;
import nl.jobcoachmonitor.shared.TableFiles;
import nl.jobcoachmonitor.shared.TableFiles.CsvVariant;

import org.springframework.context.MessageSource;

/**
 * The access log as CSV (UTF-8; comma, or the Dutch variant with semicolons) or XLSX: one row per event, times in UTC,
 * the header in the reader's language, the values as the log holds them (codes such as READ and ALLOWED). Object ids
 * hold what users typed (a search text), so a cell that a spreadsheet would take for a formula is neutralised
 * ({@link nl.jobcoachmonitor.shared.Csv}); person ids are numbers.
 */
final class AuditCsv {

    private static final List<String> HEADER = List.of("when", "user", "role", "onBehalfOf", "event", "objectType",
            "object", "person", "outcome", "address");

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries, MessageSource messages, Locale locale, CsvVariant variant) {
        return TableFiles.csv(List.of(table(entries, messages, locale)), variant, false, false);
    }

    /** The spreadsheet: the search as its first sheet, the events as the second. */
    static byte[] xlsx(List<AuditEntry> entries, String search, MessageSource messages, Locale locale) {
        var selection = new Table(text(messages, locale, "audit.file.search"), text(messages, locale,
                "audit.file.search"), List.of(text(messages, locale, "audit.file.search")),
                List.of(List.of(search)));
        return TableFiles.xlsx(List.of(selection, table(entries, messages, locale)), false);
    }

    private static Table table(List<AuditEntry> entries, MessageSource messages, Locale locale) {
        List<String> header = HEADER.stream().map(h -> text(messages, locale, "audit.file." + h)).toList();
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            rows.add(Arrays.asList(e.occurredAtUtc(), e.username(), e.role(), e.onBehalfOf(), e.action(),
                    e.objectType(), e.objectId(), e.personId(), e.outcome(), e.remoteAddress()));
        }
        return new Table(text(messages, locale, "audit.title"), text(messages, locale, "audit.title"), header, rows);
    }

    private static String text(MessageSource messages, Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
