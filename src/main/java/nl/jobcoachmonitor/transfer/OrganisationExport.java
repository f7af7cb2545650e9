package nl.jobcoachmonitor.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.Csv;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full export of one coaching organisation: a ZIP of CSV files in the import format (one per kind, see
 * {@link OrganisationExportKinds}), a README of the format and a manifest with the row count of every file.
 *
 * <p>Streamed: each file's rows come from the database with a fetch size (a cursor on PostgreSQL, inside one read-only
 * repeatable-read transaction, so all files describe the same moment) and go straight into the ZIP on the response;
 * nothing holds more than one row. Answers are stored per response as JSON and are written in long format, one row
 * per item, parsed with a streaming parser.
 *
 * <p>CSV cells are RFC 4180 (comma, CRLF, quoted when they hold a comma, a quote or a line break) and hold exactly the
 * stored text: no apostrophe before formula-like text (as the research export and the own-data download add), since
 * the files are meant to be imported again and must not change what they carry. The README warns about opening them
 * in a spreadsheet.
 */
@Component
public class OrganisationExport {

    /** What the page shows: the rows of every kind and an estimate of the ZIP's size. */
    public record Plan(String organisationName, Map<String, Long> rows, long persons, long estimatedBytes) {
    }

    /** What was written: the rows of every file. */
    public record Written(Map<String, Long> rows, long persons) {
    }

    private static final int FETCH_SIZE = 1000;
    private static final int SAMPLE = 200;
    /** A ZIP of these CSV files is about a quarter of their size (measured on the demo organisation: 0.2-0.3). */
    private static final double ZIP_RATIO = 0.3;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final PersonalDataAccess access;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    OrganisationExport(DataSource dataSource, PersonalDataAccess access, ObjectMapper json, Clock clock,
            @Value("${jcm.time-zone:Europe/Amsterdam}") ZoneId zone) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        var transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        transaction.setReadOnly(true);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot = transaction;
        this.access = access;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** The organisation's name, if it exists. */
    public java.util.Optional<String> organisationName(long organisationId) {
        return jdbc.query("select name from organisation where id = :org", Map.of("org", organisationId),
                (rs, n) -> rs.getString(1)).stream().findFirst();
    }

    /** Row counts per file (for answers.csv: the questionnaires) and a size estimate from a sample of each file. */
    public Plan plan(long organisationId) {
        var params = Map.of("org", organisationId);
        Map<String, Long> rows = new LinkedHashMap<>();
        double bytes = 0;
        for (var kind : OrganisationExportKinds.ALL) {
            long count = jdbc.queryForObject(kind.count(), params, Long.class);
            rows.put(kind.file(), count);
            if (count > 0) {
                var sample = new java.io.StringWriter();
                long[] sampled = {0};
                jdbc.query(limited(kind.select(), SAMPLE), params, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    sampled[0]++;
                    writeRow(kind, rs, sample);
                });
                bytes += sampled[0] == 0 ? 0 : (double) sample.getBuffer().length() / sampled[0] * count;
            }
        }
        return new Plan(organisationName(organisationId).orElseThrow(), rows, persons(organisationId),
                Math.round(bytes * ZIP_RATIO));
    }

    private static String limited(String select, int n) {
        return select + " limit " + n;
    }

    private long persons(long organisationId) {
        return jdbc.queryForObject("select count(*) from employee where organisation_id = :org",
                Map.of("org", organisationId), Long.class);
    }

    /**
     * Writes the whole export of the organisation as a ZIP to {@code out} (not closed) and logs it: one entry for the
     * export, and one per employee of the organisation (written in batches).
     */
    public Written write(long organisationId, OutputStream out) throws IOException {
        long persons = persons(organisationId);
        access.exported("organisation_export", "organisation " + organisationId + ": " + persons + " persons");
        logPersons(organisationId);
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            snapshot.executeWithoutResult(status -> {
                for (var kind : OrganisationExportKinds.ALL) {
                    rows.put(kind.file(), writeFile(zip, writer, kind, organisationId));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        writer.write(Csv.line("file", "rows"));
        for (var row : rows.entrySet()) {
            writer.write(Csv.line(row.getKey(), String.valueOf(row.getValue())));
        }
        writer.flush();
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("README.md"));
        writer.write(OrganisationExportReadme.text(organisationName(organisationId).orElse(""), clock.instant(),
                zone));
        writer.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return new Written(rows, persons);
    }

    /** One access log row per employee, in chunks by id so that memory stays flat for any organisation. */
    private void logPersons(long organisationId) {
        long after = 0;
        while (true) {
            List<Long> ids = jdbc.queryForList("select id from employee where organisation_id = :org and id > :after "
                    + "order by id limit 1000", Map.of("org", organisationId, "after", after), Long.class);
            if (ids.isEmpty()) {
                return;
            }
            access.exportedEach("organisation_export", "organisation " + organisationId, ids, organisationId);
            after = ids.get(ids.size() - 1);
        }
    }

    private long writeFile(ZipOutputStream zip, Writer writer, OrganisationExportKinds.Kind kind, long organisationId) {
        try {
            zip.putNextEntry(new ZipEntry(kind.file()));
            writer.write(line(kind.header()));
            long[] count = {0};
            jdbc.query(kind.select(), Map.of("org", organisationId), (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                count[0] += writeRow(kind, rs, writer);
            });
            writer.flush();
            zip.closeEntry();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the current row (or, for the answers, its items); returns the number of lines written. */
    private int writeRow(OrganisationExportKinds.Kind kind, ResultSet rs, Writer out) throws SQLException {
        try {
            if (kind.answers()) {
                return writeAnswers(rs, out);
            }
            var columns = kind.columns();
            var cells = new ArrayList<String>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(columns.get(i).format() == OrganisationExportKinds.Format.DAY_IN_ZONE
                        ? day(rs.getTimestamp(i + 1)) : value(rs, i + 1));
            }
            out.write(line(cells));
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of one response's answers: its JSON object read token by token, one line per item. */
    private int writeAnswers(ResultSet rs, Writer out) throws SQLException, IOException {
        String trajectory = rs.getString(1);
        String wave = rs.getString(2);
        String respondent = rs.getString(3);
        String instrument = rs.getString(4);
        String answers = rs.getString(5);
        String completedOn = day(rs.getTimestamp(6));
        int lines = 0;
        try (JsonParser parser = json.getFactory().createParser(answers)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String item = parser.currentName();
                JsonToken token = parser.nextToken();
                String value;
                if (token == JsonToken.START_ARRAY) {
                    var parts = new ArrayList<String>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parts.add(parser.getValueAsString());
                    }
                    value = String.join("|", parts);
                } else if (token == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                } else if (token == JsonToken.VALUE_NULL) {
                    continue;
                } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    value = parser.getDecimalValue().toPlainString(); // 20, never 2E+1: as the import reads it
                } else {
                    value = parser.getValueAsString();
                }
                out.write(line(List.of(trajectory, wave, respondent, instrument, item, value, completedOn)));
                lines++;
            }
        }
        return lines;
    }

    private String day(Timestamp at) {
        return at == null ? "" : LocalDate.ofInstant(at.toInstant(), zone).toString();
    }

    /** A value as the import format writes it: dates yyyy-MM-dd, instants ISO-8601 UTC, decimals with a dot. */
    private static String value(ResultSet rs, int i) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        switch (meta.getColumnType(i)) {
            case Types.DATE -> {
                var date = rs.getDate(i);
                return date == null ? "" : date.toLocalDate().toString();
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Timestamp at = rs.getTimestamp(i);
                return at == null ? "" : instant(at.toInstant());
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                var number = rs.getBigDecimal(i);
                return number == null ? "" : number.toPlainString();
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(i);
                return rs.wasNull() ? "" : String.valueOf(b);
            }
            default -> {
                String text = rs.getString(i);
                return text == null ? "" : text;
            }
        }
    }

    private static String instant(Instant at) {
        return at.toString();
    }

    /** One CSV line: RFC 4180 quoting, the text exactly as stored (see the class comment). */
    static String line(List<String> cells) {
        var out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Csv.quoted(cells.get(i) == null ? "" : cells.get(i), ','));
        }
        return out.append("\r\n").toString();
    }
}
